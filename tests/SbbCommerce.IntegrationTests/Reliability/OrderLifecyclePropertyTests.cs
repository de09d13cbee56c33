using CsCheck;
using Xunit.Abstractions;
using SbbCommerce.IntegrationTests.Fulfillment;

namespace SbbCommerce.IntegrationTests.Reliability;

/// <summary>
/// Random sequences of what customers and admins do to an order, over HTTP (checkout, proof and verification,
/// cancel, pack some units, ship them, deliver, refund any amount in part or in full). Actions the state machines
/// refuse must be 4xx; after every sequence the stock invariant holds, and totals, paid and refunded agree with the
/// payments, refunds and history rows, the order's status follows the money (a refund of a packed or shipped order
/// moves it too) and a fully refunded order keeps nothing packed. Few iterations: each is a dozen real requests.
/// </summary>
public sealed class OrderLifecyclePropertyTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    /// <summary>Sequences tried per run (each a checkout and 2 to 8 more actions).</summary>
    public const int Iterations = 16;

    private enum Act
    {
        Pay,
        Cancel,
        Pack,
        Ship,
        Deliver,
        Refund,
    }

    /// <summary>
    /// Cancelling ends most sequences at once, so it is drawn less often than the rest. Packing leaves units in a
    /// fulfilment that has not shipped (a refund then meets them: the case that found two defects).
    /// </summary>
    private static readonly Gen<Act> Acts = Gen.Frequency((4, Act.Pay), (1, Act.Cancel), (3, Act.Pack), (3, Act.Ship), (2, Act.Deliver), (3, Act.Refund));

    private static readonly Gen<(int Units, (Act Act, int Size)[] Acts)> Sequences =
        Gen.Select(Gen.Int[1, 4], Gen.Select(Acts, Gen.Int[1, 100]).Array[2, 8]);

    [Fact]
    public async Task Given_any_sequence_of_order_payment_and_fulfilment_actions_Then_stock_totals_paid_and_refunded_stay_consistent()
    {
        // A clock that ticks like a real one: two moves in one request (packing makes processing then ready_to_ship)
        // get distinct history times, so "the last history row" is well defined (a frozen clock ties them).
        fixture.Factory.Time.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        var product = await fixture.ProductAsync(priceCents: 3_333, onHand: 1_000);
        await fixture.LotAsync(product, "PROP", 365, 1_000);
        var admin = fixture.Admin();
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);

        await Sequences.SampleAsync(async sample =>
        {
            var (buyer, client) = await fixture.BuyerWithCartAsync(product, sample.Units);
            var placed = await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync();
            var order = placed.GetProperty("order");
            var (orderId, number, itemId) = (order.Id(), order.Str("orderNumber"), order.GetProperty("items")[0].Id());
            var payment = placed.GetProperty("payment");
            Guid? lastShipment = null;
            Guid? packed = null;
            foreach (var (act, size) in sample.Acts)
            {
                var response = act switch
                {
                    Act.Pay => await PayAsync(client, admin, payment),
                    Act.Cancel => await client.PostAsync($"/api/v1/orders/{number}/cancel", null),
                    Act.Pack => await PackAsync(admin, orderId, itemId, size),
                    Act.Ship when packed is { } waiting => await admin.ShipAsync(waiting),
                    Act.Ship => await ShipAsync(admin, orderId, itemId, size),
                    Act.Deliver => lastShipment is { } shipment ? await admin.DeliverAsync(shipment) : null,
                    _ => await RefundAsync(admin, payment.Id(), size),
                };
                if (response is null)
                {
                    continue;
                }

                var status = (int)response.StatusCode;
                var key = $"{act} {status}";
                tally[key] = tally.GetValueOrDefault(key) + 1;
                Assert.True(status < 500, $"{act} answered {status}: {await response.Content.ReadAsStringAsync()}");
                if (act == Act.Pack && status == 201)
                {
                    packed = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
                }

                if (act == Act.Ship)
                {
                    // shipped, or refused for good (a refund cancelled it): either way it is no longer waiting
                    packed = null;
                    if (status == 200)
                    {
                        lastShipment = (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
                    }
                }
            }

            await AssertConsistentAsync(orderId);
            // The stock invariant after every sequence, so the first sequence that breaks it is the one reported.
            var check = await (await admin.GetAsync("/api/v1/admin/inventory/check")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.True(check.GetProperty("ok").GetBoolean(), $"{string.Join(", ", sample.Acts)}: {check}");
        }, iter: Iterations, threads: 1);

        output.WriteLine(string.Join(", ", tally.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}")));

        var check = await (await admin.GetAsync("/api/v1/admin/inventory/check")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(check.GetProperty("ok").GetBoolean(), check.ToString());
    }

    private static async Task<HttpResponseMessage> PayAsync(HttpClient client, HttpClient admin, JsonElement payment)
    {
        var proof = await client.SubmitProofAsync(payment.Str("paymentReference"), PaymentsApi.Png);
        return proof.IsSuccessStatusCode ? await admin.VerifyAsync(payment.Id()) : proof;
    }

    /// <summary>Creates a fulfilment of 1 to 3 units (as many as are open) and leaves it unshipped.</summary>
    private async Task<HttpResponseMessage> PackAsync(HttpClient admin, Guid orderId, Guid itemId, int size)
    {
        var open = await fixture.ScalarAsync<int>("SELECT quantity - quantity_fulfilled FROM order_items WHERE id = @id", ("id", itemId));
        return await admin.FulfilAsync(orderId, new { orderItemId = itemId, quantity = Math.Max(1, Math.Min(open, 1 + (size % 3))) });
    }

    private async Task<HttpResponseMessage> ShipAsync(HttpClient admin, Guid orderId, Guid itemId, int size)
    {
        var created = await PackAsync(admin, orderId, itemId, size);
        return created.StatusCode == HttpStatusCode.Created
            ? await admin.ShipAsync((await created.Content.ReadFromJsonAsync<JsonElement>()).Id())
            : created;
    }

    /// <summary>Refunds size % of what is refundable (all of it from 90 %), then completes the refund.</summary>
    private async Task<HttpResponseMessage> RefundAsync(HttpClient admin, Guid paymentId, int size)
    {
        var refundable = await fixture.ScalarAsync<int>("SELECT amount_cents - refunded_amount_cents FROM payments WHERE id = @id", ("id", paymentId));
        var amount = size >= 90 ? refundable : Math.Max(1, refundable * size / 100);
        var created = await admin.PostAsJsonAsync($"/api/v1/admin/payments/{paymentId}/refunds",
            new { amountCents = amount, reason = "property test", refundMethod = "original_method" });
        return created.StatusCode == HttpStatusCode.Created
            ? await admin.PostAsync($"/api/v1/admin/refunds/{(await created.Content.ReadFromJsonAsync<JsonElement>()).Id()}/complete", null)
            : created;
    }

    private async Task AssertConsistentAsync(Guid orderId)
    {
        // Totals add up; paid is what verified payments brought; refunded is what completed refunds gave back, never more
        // than paid; a refunded / partially refunded status matches the money; the last history row names the status.
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            """
            WITH pay AS (
                SELECT coalesce(sum(amount_cents) FILTER (WHERE status IN ('completed', 'partially_refunded', 'refunded')), 0) AS paid,
                       coalesce(sum(refunded_amount_cents), 0) AS refunded
                  FROM payments WHERE order_id = @id
            ), ref AS (
                SELECT coalesce(sum(r.amount_cents) FILTER (WHERE r.status = 'completed'), 0) AS refunded
                  FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = @id
            ), last AS (
                SELECT to_status FROM order_status_history WHERE order_id = @id ORDER BY created_at DESC, id DESC LIMIT 1
            )
            SELECT count(*) FROM orders o, pay, ref, last
             WHERE o.id = @id
               AND o.total_cents = o.subtotal_cents - o.discount_cents + o.shipping_cents + o.tax_cents
               AND o.amount_paid_cents = pay.paid
               AND pay.refunded = ref.refunded AND ref.refunded <= pay.paid
               AND (o.status <> 'refunded' OR (pay.paid > 0 AND ref.refunded = pay.paid))
               AND (o.status <> 'partially_refunded' OR (ref.refunded > 0 AND ref.refunded < pay.paid))
               -- the status follows the money whatever the goods do (packed, on their way or delivered)
               AND (ref.refunded = 0 OR o.status IN ('refunded', 'partially_refunded'))
               -- a fully refunded order ships nothing more: no fulfilment is left packed
               AND (o.status <> 'refunded' OR NOT EXISTS (
                        SELECT 1 FROM fulfillments f WHERE f.order_id = o.id AND f.status = 'unfulfilled' AND f.shipped_at IS NULL))
               AND (o.status = 'pending_payment' OR o.status = 'cancelled') = (pay.paid = 0)
               AND last.to_status = o.status
            """, ("id", orderId)));
    }
}
