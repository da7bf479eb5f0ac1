package org.expint4j.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The orders record: factories, validation, and the accessors every method keeps. */
class OrdersTest {

    @Test
    void factoriesName() {
        Orders o = Orders.of(3, 3).withEmbedded(2);
        assertEquals(new Orders(3, 3, 2), o);
        assertTrue(o.hasEmbedded());
        assertFalse(Orders.of(4, 1).hasEmbedded());
        assertEquals("classical 3, stiff 3, embedded 2", o.toString());
        assertEquals("classical 4, stiff 2", Orders.of(4, 2).toString());
    }

    @Test
    void invalidOrdersAreRejectedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Orders.of(0, 0));
        assertTrue(e.getMessage().contains("classical order must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Orders.of(2, 3));
        assertTrue(e.getMessage().contains("stiff order must be in 0..2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Orders.of(2, -1));
        assertTrue(e.getMessage().contains("stiff order"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Orders(2, 2, 3));
        assertTrue(e.getMessage().contains("embedded order must be in 0..2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Orders.of(2, 2).withEmbedded(0));
        assertTrue(e.getMessage().contains("embedded solution has order >= 1"), e.getMessage());
    }

    /** Every registered method's record agrees with its three accessors. */
    @Test
    void accessorsAgreeWithTheRecord() {
        for (ExponentialMethod m : MethodRegistry.all()) {
            Orders o = m.orders();
            assertEquals(m.classicalOrder(), o.classical(), m.name());
            assertEquals(m.stiffOrder(), o.stiff(), m.name());
            assertEquals(m.embeddedOrder(), o.embedded(), m.name());
        }
        assertEquals(Orders.of(3, 3).withEmbedded(2), HochbruckOstermann3.hochost3().orders());
        assertEquals(Orders.of(4, 1), LawsonMethod.rk4().orders());
        assertEquals(Orders.of(4, 2), new CoxMatthewsEtdrk4().orders());
    }
}
