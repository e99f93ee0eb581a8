package io.huitong.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Models are for people: each diagram is read from its diagram interchange (the shapes and waypoints Camunda
 * Modeler draws) and checked with plain geometry. No shape overlaps another (a boundary event sits on its host's
 * border, an expanded sub-process or pool holds what it contains), no label lies on a shape or on another label,
 * no flow is drawn through a shape it does not connect, every name fits its box, the diagram fits a screen
 * ({@value #MAX_WIDTH} × {@value #MAX_HEIGHT} px) and flows cross each other at most {@value #MAX_CROSSINGS}
 * times. Names are short and Chinese (what clerks read in Tasklist); the English lives in the element's
 * documentation. Each model's figures are printed, so a designer sees width and crossings go down or up.
 */
class DiagramGeometryTest {

    static final int MAX_WIDTH = 3000;
    static final int MAX_HEIGHT = 1600;
    static final int MAX_CROSSINGS = 8;
    /** Pixels a flow may graze a shape's border (the line's own width and Modeler's docking). */
    private static final double TOLERANCE = 3;

    record Box(double x, double y, double w, double h) {
        double right() {
            return x + w;
        }

        double bottom() {
            return y + h;
        }

        boolean overlaps(Box o, double inset) {
            return x + inset < o.right() - inset && o.x + inset < right() - inset && y + inset < o.bottom() - inset
                    && o.y + inset < bottom() - inset;
        }

        boolean contains(Box o) {
            return o.x >= x - TOLERANCE && o.y >= y - TOLERANCE && o.right() <= right() + TOLERANCE
                    && o.bottom() <= bottom() + TOLERANCE;
        }

        static Box of(Bounds b) {
            return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }
    }

    record Point(double x, double y) {
    }

    record Segment(Point a, Point b) {
    }

    record Shape(String id, BaseElement element, Box box, Box label) {
    }

    @TestFactory
    List<DynamicTest> every_diagram_is_drawn_for_people() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : ModelsTest.models()) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
        }
        return tests;
    }

    private static void check(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> failures = new ArrayList<>();
        for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
            // a collapsed sub-process is drawn on a plane of its own (Modeler's drill-down): each plane is a screen
            String name = file.getFileName() + (model.getModelElementsByType(BpmnDiagram.class).size() == 1 ? ""
                    : " (" + diagram.getBpmnPlane().getBpmnElement().getId() + ")");
            try {
                check(name, diagram.getBpmnPlane());
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as(file + ": every plane of its diagram").isEmpty();
    }

    private static void check(String name, BpmnPlane plane) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (BpmnShape s : plane.getChildElementsByType(BpmnShape.class)) {
            BaseElement element = s.getBpmnElement();
            Box label = s.getBpmnLabel() == null || s.getBpmnLabel().getBounds() == null ? null
                    : Box.of(s.getBpmnLabel().getBounds());
            shapes.put(element.getId(), new Shape(element.getId(), element, Box.of(s.getBounds()), label));
        }
        List<String> problems = new ArrayList<>();
        overlaps(shapes, problems);
        List<List<Segment>> edges = new ArrayList<>();
        for (BpmnEdge e : plane.getChildElementsByType(BpmnEdge.class)) {
            BaseElement flow = e.getBpmnElement();
            List<Segment> segments = segments(e);
            edges.add(segments);
            throughForeignShapes(flow, segments, shapes, problems);
            if (e.getBpmnLabel() != null && e.getBpmnLabel().getBounds() != null) {
                Box label = Box.of(e.getBpmnLabel().getBounds());
                for (Shape s : shapes.values()) {
                    if (!isContainer(s.element()) && label.overlaps(s.box(), 1)) {
                        problems.add("the label of " + flow.getId() + " lies on " + s.id());
                    }
                }
            }
        }
        namesFit(shapes, problems);
        Box extent = extent(shapes.values(), edges);
        int crossings = crossings(edges);
        System.out.printf("%s: %.0f × %.0f px, %d shapes, %d flows, %d crossings%n", name, extent.w(), extent.h(),
                shapes.size(), edges.size(), crossings);
        assertThat(problems).as(name + ": the diagram as a designer sees it").isEmpty();
        assertThat(extent.w()).as(name + ": width in px").isLessThanOrEqualTo(MAX_WIDTH);
        assertThat(extent.h()).as(name + ": height in px").isLessThanOrEqualTo(MAX_HEIGHT);
        assertThat(crossings).as(name + ": crossings of flows").isLessThanOrEqualTo(MAX_CROSSINGS);
    }

    private static void overlaps(Map<String, Shape> shapes, List<String> problems) {
        List<Shape> all = new ArrayList<>(shapes.values());
        for (int i = 0; i < all.size(); i++) {
            Shape a = all.get(i);
            for (int j = i + 1; j < all.size(); j++) {
                Shape b = all.get(j);
                if (a.box().overlaps(b.box(), 0.5) && !mayOverlap(a, b) && !mayOverlap(b, a)) {
                    problems.add(a.id() + " overlaps " + b.id());
                }
                if (a.label() != null && !isContainer(b.element()) && a.label().overlaps(b.box(), 1)) {
                    problems.add("the label of " + a.id() + " lies on " + b.id());
                }
                if (b.label() != null && !isContainer(a.element()) && b.label().overlaps(a.box(), 1)) {
                    problems.add("the label of " + b.id() + " lies on " + a.id());
                }
                if (a.label() != null && b.label() != null && a.label().overlaps(b.label(), 1)) {
                    problems.add("the labels of " + a.id() + " and " + b.id() + " overlap");
                }
            }
        }
        // what a container holds lies wholly inside it
        for (Shape s : all) {
            ModelElementInstance parent = s.element().getParentElement();
            if (parent instanceof SubProcess sub && shapes.containsKey(sub.getId())
                    && !shapes.get(sub.getId()).box().contains(s.box())) {
                problems.add(s.id() + " sticks out of " + sub.getId());
            }
        }
    }

    /** Whether {@code inner} may lie on {@code outer}: it is inside it, or a boundary event on its border. */
    private static boolean mayOverlap(Shape outer, Shape inner) {
        if (inner.element() instanceof BoundaryEvent b && b.getAttachedTo() != null
                && b.getAttachedTo().getId().equals(outer.id())) {
            return true;
        }
        if (outer.element() instanceof Participant || outer.element() instanceof Lane) {
            return outer.box().contains(inner.box());
        }
        if (outer.element() instanceof SubProcess) {
            return isInside(inner.element(), outer.element()) && outer.box().contains(inner.box());
        }
        return false;
    }

    private static boolean isInside(ModelElementInstance element, ModelElementInstance container) {
        if (element instanceof BoundaryEvent b && b.getAttachedTo() != null) {
            element = b.getAttachedTo();
        }
        for (ModelElementInstance p = element.getParentElement(); p != null; p = p.getParentElement()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContainer(BaseElement e) {
        return e instanceof Participant || e instanceof Lane || e instanceof SubProcess;
    }

    private static List<Segment> segments(BpmnEdge edge) {
        List<Point> points = new ArrayList<>();
        for (Waypoint w : edge.getWaypoints()) {
            points.add(new Point(w.getX(), w.getY()));
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            segments.add(new Segment(points.get(i - 1), points.get(i)));
        }
        return segments;
    }

    private static void throughForeignShapes(BaseElement flow, List<Segment> segments, Map<String, Shape> shapes,
            List<String> problems) {
        Set<String> ends = new HashSet<>();
        BaseElement source = null;
        BaseElement target = null;
        if (flow instanceof SequenceFlow f) {
            source = f.getSource();
            target = f.getTarget();
        } else if (flow instanceof MessageFlow f) {
            source = (BaseElement) f.getSource();
            target = (BaseElement) f.getTarget();
        }
        if (source == null || target == null) {
            return;
        }
        ends.add(source.getId());
        ends.add(target.getId());
        for (Shape s : shapes.values()) {
            if (ends.contains(s.id()) || s.element() instanceof Participant || s.element() instanceof Lane) {
                continue;
            }
            if (s.element() instanceof SubProcess && (isInside(source, s.element()) || isInside(target, s.element()))) {
                continue;
            }
            if (source instanceof BoundaryEvent b && b.getAttachedTo().getId().equals(s.id())) {
                // the flow leaves the host's border where its boundary event sits
                continue;
            }
            for (Segment seg : segments) {
                if (crosses(seg, s)) {
                    problems.add(flow.getId() + " is drawn through " + s.id());
                    break;
                }
            }
        }
    }

    /** Whether a segment runs through the shape's inside (a diamond for gateways, a circle for events). */
    private static boolean crosses(Segment seg, Shape s) {
        Box b = s.box();
        double cx = b.x() + b.w() / 2;
        double cy = b.y() + b.h() / 2;
        if (s.element() instanceof Event) {
            return distance(seg, new Point(cx, cy)) < b.w() / 2 - TOLERANCE;
        }
        if (s.element() instanceof Gateway) {
            // sample the segment: a diamond |dx|/(w/2) + |dy|/(h/2) < 1
            int steps = (int) Math.max(2, length(seg) / 2);
            for (int i = 0; i <= steps; i++) {
                double t = (double) i / steps;
                double x = seg.a().x() + (seg.b().x() - seg.a().x()) * t;
                double y = seg.a().y() + (seg.b().y() - seg.a().y()) * t;
                double inner = Math.abs(x - cx) / (b.w() / 2 - TOLERANCE) + Math.abs(y - cy) / (b.h() / 2 - TOLERANCE);
                if (inner < 1) {
                    return true;
                }
            }
            return false;
        }
        return clips(seg, new Box(b.x() + TOLERANCE, b.y() + TOLERANCE, b.w() - 2 * TOLERANCE,
                b.h() - 2 * TOLERANCE));
    }

    /** Liang–Barsky: whether any part of the segment lies strictly inside the box. */
    private static boolean clips(Segment seg, Box box) {
        double x0 = seg.a().x();
        double y0 = seg.a().y();
        double dx = seg.b().x() - x0;
        double dy = seg.b().y() - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - box.x(), box.right() - x0, y0 - box.y(), box.bottom() - y0};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t1 - t0 > 1e-6;
    }

    private static double length(Segment s) {
        return Math.hypot(s.b().x() - s.a().x(), s.b().y() - s.a().y());
    }

    private static double distance(Segment s, Point p) {
        double len = length(s);
        if (len == 0) {
            return Math.hypot(p.x() - s.a().x(), p.y() - s.a().y());
        }
        double t = ((p.x() - s.a().x()) * (s.b().x() - s.a().x()) + (p.y() - s.a().y()) * (s.b().y() - s.a().y()))
                / (len * len);
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(p.x() - (s.a().x() + t * (s.b().x() - s.a().x())),
                p.y() - (s.a().y() + t * (s.b().y() - s.a().y())));
    }

    /** Proper crossings between segments of different flows (touching at an end is a join, not a crossing). */
    static int crossings(List<List<Segment>> edges) {
        int count = 0;
        for (int i = 0; i < edges.size(); i++) {
            for (int j = i + 1; j < edges.size(); j++) {
                for (Segment a : edges.get(i)) {
                    for (Segment b : edges.get(j)) {
                        if (properlyIntersect(a, b)) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    private static boolean properlyIntersect(Segment s, Segment t) {
        double d1 = cross(t.a(), t.b(), s.a());
        double d2 = cross(t.a(), t.b(), s.b());
        double d3 = cross(s.a(), s.b(), t.a());
        double d4 = cross(s.a(), s.b(), t.b());
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    private static double cross(Point o, Point a, Point b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }

    private static Box extent(Iterable<Shape> shapes, List<List<Segment>> edges) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Shape s : shapes) {
            minX = Math.min(minX, s.box().x());
            minY = Math.min(minY, s.box().y());
            maxX = Math.max(maxX, s.box().right());
            maxY = Math.max(maxY, s.box().bottom());
        }
        for (List<Segment> e : edges) {
            for (Segment s : e) {
                for (Point p : List.of(s.a(), s.b())) {
                    minX = Math.min(minX, p.x());
                    minY = Math.min(minY, p.y());
                    maxX = Math.max(maxX, p.x());
                    maxY = Math.max(maxY, p.y());
                }
            }
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * Names are short and Chinese, and fit: an activity's name is set inside its box, below the task icon (at
     * most three lines of the box's width less its padding); an event's or gateway's name in a label of its own.
     * A Chinese character is about 12 px wide at Modeler's 12 px font, other characters about 7 px. The English
     * is the element's documentation.
     */
    private static void namesFit(Map<String, Shape> shapes, List<String> problems) {
        for (Shape s : shapes.values()) {
            if (!(s.element() instanceof FlowNode node) || node.getName() == null || node.getName().isBlank()) {
                continue;
            }
            String text = node.getName().strip();
            if (text.matches(".*[A-Za-z]{3,}.*")) {
                problems.add(s.id() + " is named in English (\"" + text + "\"): the name is Chinese, the English goes"
                        + " into its documentation");
            }
            if (!hasEnglishDocumentation(node)) {
                problems.add(s.id() + " has no English documentation saying what \"" + text + "\" means");
            }
            if (node instanceof Activity && !(node instanceof SubProcess && isExpanded(s))) {
                double lines = Math.ceil(textWidth(text) / (s.box().w() - 10));
                if (lines > 3 || (lines > 2 && s.box().h() < 80)) {
                    problems.add(s.id() + ": \"" + text + "\" does not fit its box (" + (int) lines + " lines)");
                }
            }
        }
    }

    private static boolean isExpanded(Shape s) {
        return s.box().w() > 120 || s.box().h() > 100;
    }

    private static boolean hasEnglishDocumentation(FlowNode node) {
        for (Documentation d : node.getDocumentations()) {
            if (d.getTextContent() != null && d.getTextContent().matches("(?s).*[A-Za-z]{3,}.*")) {
                return true;
            }
        }
        return false;
    }

    static double textWidth(String text) {
        double width = 0;
        for (int cp : text.codePoints().toArray()) {
            width += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ? 12 : 7;
        }
        return width;
    }
}
