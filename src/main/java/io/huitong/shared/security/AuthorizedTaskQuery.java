package io.huitong.shared.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.builder.xml.XMLMapperEntityResolver;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The engine's task query — Tasklist's lists and counts, {@code /engine-rest/task}, every {@code TaskQuery} — with
 * its authorization check asked once per query instead of joined with every task and followed by {@code DISTINCT}:
 * the resource ids that the user's, their groups' and everyone's grants reach with the permission asked for, and a
 * task is listed when its id, its process definition's key or {@code '*'} is among them. Same answer, same criteria,
 * same permissions ({@code AuthorizedTaskQueryTest} compares both on one database). Where the engine has to look at
 * revokes (a REVOKE authorization exists) or composite checks, its own check runs unchanged.
 * <p>
 * Why: each candidate group of each task has its own authorization, so the engine's join produced a row per task
 * and authorization and sorted all of them before it could take the first page. With 100,000 open tasks a clerk's
 * first Tasklist page took 6 s on H2 and more than 30 s on PostgreSQL (docs/benchmark).
 * <p>
 * How: after the engine has built its MyBatis configuration, the query's criteria are copied from the engine's own
 * mapping ({@value #ENGINE_MAPPING}, Apache License 2.0), so that every criterion of this Camunda version is kept,
 * with two changes: the authorization join is made only when still needed, and the authorization check is the one
 * in {@value #MAPPING}. The engine's statements are then mapped to these. Should a Camunda upgrade change the
 * places changed here, the engine does not start and says which place it could not find.
 */
@Component
public class AuthorizedTaskQuery extends AbstractProcessEnginePlugin {

    static final String ENGINE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    static final String ENGINE_AUTH_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml";
    /**
     * SHA-256 of the engine's pieces this query was verified against (Camunda 7.24.0): the task query's statements
     * and criteria, the authorization join and checks it replaces, and the query for groups with authorizations.
     * Should an upgrade change any of them, the engine does not start until someone has compared them with
     * {@value #MAPPING}, run {@code AuthorizedTaskQueryTest} and {@code AuthorizedTaskQueryPostgresIT}, and set this
     * to the value the error names.
     */
    static final String VERIFIED = "ad6f68716760703cd83ce9046944684510ddeaacb084f5190d19b871a11a092a";
    static final String MAPPING = "io/huitong/shared/security/AuthorizedTaskQuery.xml";
    static final String NAMESPACE = "io.huitong.shared.security.AuthorizedTaskQuery";
    static final String CRITERIA = "selectTaskByQueryCriteriaSql";
    static final String GRANTED = "granted";
    static final String GRANTED_BY_INDEX = "grantedByIndex";
    static final String ENGINE_AUTH = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
    /** The engine's statements and the ones that answer them instead, on every database. */
    static final Map<String, String> STATEMENTS = Map.of(
            "selectTaskByQueryCriteria", NAMESPACE + ".selectAuthorizedTasksByQueryCriteria",
            "selectTaskCountByQueryCriteria", NAMESPACE + ".selectAuthorizedTaskCountByQueryCriteria");
    /**
     * The groups that have authorizations, asked before every command that checks authorizations, as a walk along
     * the group index: written for the databases Huitong runs on (a recursive query with a row limit).
     */
    static final Map<String, String> GROUP_STATEMENTS = Map.of("selectAuthorizedGroupIds",
            NAMESPACE + ".selectGroupIdsWithAuthorizations");
    static final List<String> GROUP_DATABASES = List.of(DbSqlSessionFactory.H2, DbSqlSessionFactory.POSTGRES);

    private static final Logger log = LoggerFactory.getLogger(AuthorizedTaskQuery.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!mybatis.hasStatement(STATEMENTS.get("selectTaskByQueryCriteria"), false)) {
            byte[] mapper = mapper(configuration.getDatabaseType()).getBytes(StandardCharsets.UTF_8);
            new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, MAPPING, mybatis.getSqlFragments())
                    .parse();
        }
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        // the engine's mappings for this database are shared by every engine in the JVM: change a copy
        Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
                : new HashMap<>(sessions.getStatementMappings());
        Map<String, String> statements = new HashMap<>(STATEMENTS);
        if (GROUP_DATABASES.contains(configuration.getDatabaseType())) {
            statements.putAll(GROUP_STATEMENTS);
        }
        statements.forEach((engine, ours) -> {
            String present = mappings.putIfAbsent(engine, ours);
            if (present != null && !present.equals(ours)) {
                log.warn("The engine maps {} to {} for {}: its own authorization check stays", engine, present,
                        configuration.getDatabaseType());
            }
        });
        sessions.setStatementMappings(mappings);
    }

    /** Huitong's statements with the engine's criteria, as one MyBatis mapper for this database. */
    static String mapper(String databaseType) {
        try {
            DocumentBuilder builder = documents();
            Document ours = parse(builder, MAPPING);
            Document engine = parse(builder, ENGINE_MAPPING);
            String fingerprint = fingerprint(engine, parse(builder, ENGINE_AUTH_MAPPING));
            if (!VERIFIED.equals(fingerprint)) {
                throw new IllegalStateException(ENGINE_MAPPING + " or " + ENGINE_AUTH_MAPPING + " is not what Huitong's "
                        + "task query was verified against (fingerprint " + fingerprint + ", verified " + VERIFIED
                        + "): compare them with " + MAPPING + ", run AuthorizedTaskQueryTest and "
                        + "AuthorizedTaskQueryPostgresIT, then set AuthorizedTaskQuery.VERIFIED");
            }
            Element criteria = only(elements(engine.getDocumentElement(), "sql", CRITERIA), "<sql id=\"" + CRITERIA
                    + "\">");
            // the join with the user's authorizations: only where this mapper's check still needs it
            Element join = only(includes(criteria, ENGINE_AUTH + "authCheckJoinWithoutOnClause"),
                    "the authorization join");
            Node condition = join.getParentNode();
            if (!(condition instanceof Element when) || !"if".equals(when.getTagName())
                    || !"!authCheck.revokeAuthorizationCheckEnabled".equals(when.getAttribute("test").strip())) {
                throw new IllegalStateException(ENGINE_MAPPING + ": the authorization join is no longer inside "
                        + "<if test=\"!authCheck.revokeAuthorizationCheckEnabled\">");
            }
            when.setAttribute("test", "authJoin");
            // the authorization check: this mapper's
            only(includes(criteria, ENGINE_AUTH + "contextualAuthorizationCheck"), "the authorization check")
                    .setAttribute("refid", NAMESPACE + ".authorizationCheck");
            ours.getDocumentElement().appendChild(ours.importNode(criteria, true));
            // the user's grants: asked by index on PostgreSQL, as one filter elsewhere
            Element granted = only(elements(ours.getDocumentElement(), "sql", GRANTED), GRANTED);
            Element byIndex = only(elements(ours.getDocumentElement(), "sql", GRANTED_BY_INDEX), GRANTED_BY_INDEX);
            if (DbSqlSessionFactory.POSTGRES.equals(databaseType)) {
                granted.getParentNode().removeChild(granted);
                byIndex.setAttribute("id", GRANTED);
            } else {
                byIndex.getParentNode().removeChild(byIndex);
            }
            return serialize(ours);
        } catch (IOException | SAXException | ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("Cannot read the task query's mappings " + ENGINE_MAPPING + " and "
                    + MAPPING + ": " + e.getMessage(), e);
        }
    }

    /** The engine's pieces this query stands on, canonical (tags, sorted attributes, collapsed text), hashed. */
    static String fingerprint(Document tasks, Document authorizations) {
        StringBuilder canonical = new StringBuilder();
        for (String[] piece : new String[][] {{"select", "selectTaskByQueryCriteria"},
            {"select", "selectTaskCountByQueryCriteria"}, {"sql", "columnSelection"}, {"sql", CRITERIA}}) {
            canonical(only(elements(tasks.getDocumentElement(), piece[0], piece[1]), piece[1]), canonical);
        }
        for (String[] piece : new String[][] {{"sql", "authCheckJoinWithoutOnClause"},
            {"sql", "authCheckJoinWithoutOnClauseWithBinding"}, {"sql", "atomicChecksOnResourceTypeAndPerms"},
            {"sql", "contextualAuthorizationCheck"}, {"select", "selectAuthorizedGroupIds"}}) {
            canonical(only(elements(authorizations.getDocumentElement(), piece[0], piece[1]), piece[1]), canonical);
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(Node node, StringBuilder out) {
        if (node instanceof Element e) {
            out.append('<').append(e.getTagName());
            List<String> attributes = new ArrayList<>();
            for (int i = 0; i < e.getAttributes().getLength(); i++) {
                Node a = e.getAttributes().item(i);
                attributes.add(a.getNodeName() + "=\"" + a.getNodeValue().strip().replaceAll("\\s+", " ") + "\"");
            }
            attributes.sort(null);
            attributes.forEach(a -> out.append(' ').append(a));
            out.append('>');
            NodeList children = e.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                canonical(children.item(i), out);
            }
            out.append("</").append(e.getTagName()).append('>');
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            String text = node.getNodeValue().strip().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                out.append(text).append(' ');
            }
        }
    }

    private static DocumentBuilder documents() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(false);
        factory.setNamespaceAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // the mapper DTD from MyBatis's jar, never from the network
        builder.setEntityResolver(new XMLMapperEntityResolver());
        return builder;
    }

    private static Document parse(DocumentBuilder builder, String resource) throws IOException, SAXException {
        try (InputStream in = AuthorizedTaskQuery.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return builder.parse(in, resource);
        }
    }

    private static List<Element> elements(Element parent, String tag, String id) {
        List<Element> found = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && tag.equals(e.getTagName()) && id.equals(e.getAttribute("id"))) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> includes(Element within, String refid) {
        List<Element> found = new ArrayList<>();
        NodeList includes = within.getElementsByTagName("include");
        for (int i = 0; i < includes.getLength(); i++) {
            Element include = (Element) includes.item(i);
            if (refid.equals(include.getAttribute("refid"))) {
                found.add(include);
            }
        }
        return found;
    }

    private static Element only(List<Element> found, String what) {
        if (found.size() != 1) {
            throw new IllegalStateException("Huitong's task query expects " + what + " once in the engine's "
                    + "mappings or " + MAPPING + ", not " + found.size() + " times: one of them has changed");
        }
        return found.get(0);
    }

    private static String serialize(Document document) throws TransformerException {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, "-//mybatis.org//DTD Mapper 3.0//EN");
        transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "http://mybatis.org/dtd/mybatis-3-mapper.dtd");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }
}
