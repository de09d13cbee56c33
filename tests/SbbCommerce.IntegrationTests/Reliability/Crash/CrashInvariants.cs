using SbbCommerce.Fakes;

namespace SbbCommerce.IntegrationTests.Reliability.Crash;

/// <summary>What must hold after any crash, checked through SQL, the API and what the fake ERP received.</summary>
internal static class CrashInvariants
{
    /// <summary>ERP messages that name the same business event twice would book it twice, whatever their keys.</summary>
    private static readonly Dictionary<string, string> BusinessKey = new(StringComparer.Ordinal)
    {
        ["sales_order"] = "order_id",
        ["payment"] = "payment_id",
        ["credit_memo"] = "refund_id",
        ["shipment"] = "fulfillment_id",
    };

    public static async Task AssertWholeAsync(this ApiFixture fixture, FakePropello erp)
    {
        // Every order has its payment and its first history row (checkout wrote all or nothing).
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            """
            SELECT count(*) FROM orders o
             WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)
                OR NOT EXISTS (SELECT 1 FROM order_status_history h WHERE h.order_id = o.id AND h.from_status IS NULL)
            """));

        // Stock: reserved = units of live orders, on hand >= reserved, for every product.
        var check = await (await fixture.Admin().GetAsync("/api/v1/admin/inventory/check")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(check.GetProperty("ok").GetBoolean(), check.ToString());

        // No payment booked twice: one successful verification per payment; the order's paid amount is what its
        // completed payments received; a payment's refunded amount is what its completed refunds gave back.
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT payment_id FROM payment_attempts WHERE action = 'admin_verify' AND success GROUP BY payment_id HAVING count(*) > 1) twice"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            """
            SELECT count(*) FROM orders o
             WHERE o.amount_paid_cents <> (SELECT coalesce(sum(coalesce(p.received_amount_cents, p.amount_cents)), 0) FROM payments p
                                            WHERE p.order_id = o.id AND p.status IN ('completed', 'partially_refunded', 'refunded'))
            """));
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            """
            SELECT count(*) FROM payments p
             WHERE p.refunded_amount_cents <> (SELECT coalesce(sum(r.amount_cents), 0) FROM refunds r WHERE r.payment_id = p.id AND r.status = 'completed')
            """));

        await fixture.AssertErpDeliveredOnceAsync(erp);
    }

    /// <summary>
    /// Every ERP message is eventually sent (none dead), the ERP recorded each idempotency key once and no other, and
    /// no business event (order, payment, refund, shipment) reached it under two keys.
    /// </summary>
    public static async Task AssertErpDeliveredOnceAsync(this ApiFixture fixture, FakePropello erp)
    {
        var open = await fixture.PollAsync(
            "SELECT count(*) FROM webhooks_outbox WHERE destination = 'epicor_propello' AND status NOT IN ('sent', 'skipped')", 0L, TimeSpan.FromSeconds(90));
        Assert.True(open == 0, $"{open} ERP messages still undelivered: " + await fixture.ScalarAsync<string>(
            "SELECT coalesce(string_agg(event_type || ' ' || status || ' ' || coalesce(error_message, ''), '; '), '') FROM webhooks_outbox WHERE destination = 'epicor_propello' AND status NOT IN ('sent', 'skipped')"));
        var sent = (await fixture.ScalarAsync<Guid[]>(
            "SELECT coalesce(array_agg(id), '{}') FROM webhooks_outbox WHERE destination = 'epicor_propello' AND status = 'sent'")).ToHashSet();
        var records = erp.Records;
        Assert.Equal(records.Count, records.Select(r => r.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(sent.OrderBy(id => id), records.Select(r => Guid.Parse(r.IdempotencyKey)).OrderBy(id => id));
        var doubled = records.Where(r => BusinessKey.ContainsKey(r.Kind))
            .GroupBy(r => (r.Kind, Id: JsonDocument.Parse(r.Body).RootElement.GetProperty(BusinessKey[r.Kind]).GetString()))
            .Where(g => g.Count() > 1).Select(g => $"{g.Key.Kind} {g.Key.Id}").ToList();
        Assert.True(doubled.Count == 0, "booked twice in the ERP: " + string.Join(", ", doubled));
        Assert.Empty(erp.RuleViolations);
    }

    /// <summary>Runs the count until it equals <paramref name="expected"/> or the deadline passes; returns the last count.</summary>
    public static async Task<long> PollAsync(this ApiFixture fixture, string countSql, long expected, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var count = await fixture.ScalarAsync<long>(countSql);
            if (count == expected || watch.Elapsed > deadline)
            {
                return count;
            }

            await Task.Delay(100);
        }
    }
}
