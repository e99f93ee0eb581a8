package io.huitong.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.OpenedBid;
import io.huitong.tender.Regime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fact as a decision record keeps it is read back as it was: its derived getters, written with it, are not
 * setters. A consortium bid with a member that did not confirm made every impact over its opening fail.
 */
class FactReaderTest {

    @Test
    void a_fact_with_a_derived_list_reads_back_as_written() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        FactReader reader = new FactReader(json);
        OpenedBid bid = new OpenedBid(Regime.TENDERING_LAW, "b1", "p1", "联合体 Consortium", List.of("p1", "p2", "p3"),
                List.of("p2", "p3"), List.of("p2"), "张三", "410102197001010011");
        assertThat(bid.getUnconfirmedMembers()).containsExactly("p3");
        ObjectNode inputs = json.createObjectNode();
        inputs.set("bids", json.createArrayNode().add(reader.tree(bid)));

        assertThat(reader.list(inputs, "bids", OpenedBid.class)).containsExactly(bid);
    }
}
