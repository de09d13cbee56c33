using SbbCommerce.Api.Common.Faults;
using SbbCommerce.IntegrationTests.Fulfillment;
using Xunit.Abstractions;

namespace SbbCommerce.IntegrationTests.Reliability.Crash;

/// <summary>
/// The host killed (SIGKILL) at a named point of checkout, payment verification, refund, shipping and outbox delivery,
/// <see cref="CrashFixture.Iterations"/> times per point, each time restarted: what was committed is whole, what was
/// not is absent and can be done again once, and the ERP hears every message exactly once per idempotency key.
/// </summary>
[Trait("Category", "Crash")]
public sealed class CrashSafetyTests(CrashFixture fixture, ITestOutputHelper output) : IClassFixture<CrashFixture>
{
    public static TheoryData<string> Points() => new(CrashFixture.Points);

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Given_the_host_killed_at_a_point_When_it_restarts_Then_nothing_is_half_written_lost_or_booked_twice(string point)
    {
        await fixture.UseHostAsync(point);
        var product = await fixture.ProductAsync(priceCents: 2_500, onHand: 10_000);
        await fixture.LotAsync(product, "KILL", 365, 10_000);
        var survived = 0;
        for (var iteration = 0; iteration < CrashFixture.Iterations; iteration++)
        {
            await KillOnceAndRecoverAsync(point, product);
            await fixture.AssertWholeAsync(fixture.Erp);
            survived++;
        }

        output.WriteLine($"{point}: {survived} kills survived, {fixture.Host.Starts} host starts (mean {fixture.Host.MeanStart.TotalSeconds:F1} s to ready), " +
            $"{fixture.Erp.Records.Count} ERP records, {fixture.Erp.Replays} replays");
        Assert.Equal(CrashFixture.Iterations, survived);
    }

    private async Task KillOnceAndRecoverAsync(string point, Guid product)
    {
        switch (point)
        {
            case FaultPoints.CheckoutBeforeCommit:
            {
                var (buyer, client) = await fixture.BuyerWithCartAsync(product, 2);
                var reserved = await fixture.ReservedAsync(product);
                await KilledAsync(() => client.CheckoutAsync(OrdersApi.Checkout(buyer)));
                Assert.Equal(0L, await OrdersOfAsync(buyer));
                Assert.Equal(reserved, await fixture.ReservedAsync(product));
                await (await fixture.Client(buyer).CheckoutAsync(OrdersApi.Checkout(buyer))).ReadJsonAsync(HttpStatusCode.Created);
                Assert.Equal(1L, await OrdersOfAsync(buyer));
                break;
            }

            case FaultPoints.CheckoutAfterCommit:
            {
                var (buyer, client) = await fixture.BuyerWithCartAsync(product, 2);
                await KilledAsync(() => client.CheckoutAsync(OrdersApi.Checkout(buyer)));
                Assert.Equal(1L, await OrdersOfAsync(buyer));
                // The client never heard back and tries again: the cart became the order, nothing is placed twice.
                await (await fixture.Client(buyer).CheckoutAsync(OrdersApi.Checkout(buyer))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "cart_empty");
                Assert.Equal(1L, await OrdersOfAsync(buyer));
                break;
            }

            case FaultPoints.PaymentVerifyBeforeCommit:
            {
                var (order, payment) = await SubmittedAsync(product);
                await KilledAsync(() => fixture.Admin().VerifyAsync(payment.Id(), order.Int("totalCents")));
                Assert.Equal("awaiting_verification", await PaymentStatusAsync(payment.Id()));
                Assert.Equal("pending_payment", await fixture.OrderStatusAsync(order.Id()));
                await (await fixture.Admin().VerifyAsync(payment.Id(), order.Int("totalCents"))).ReadJsonAsync(HttpStatusCode.OK);
                Assert.Equal("payment_received", await fixture.OrderStatusAsync(order.Id()));
                break;
            }

            case FaultPoints.RefundCompleteBeforeCommit:
            {
                var paid = await fixture.PaidOrderAsync(product, 2);
                var paymentId = await fixture.ScalarAsync<Guid>("SELECT id FROM payments WHERE order_id = @id AND status = 'completed'", ("id", paid.OrderId));
                var amount = await fixture.ScalarAsync<int>("SELECT amount_cents FROM payments WHERE id = @id", ("id", paymentId));
                var refund = await (await fixture.Admin().PostAsJsonAsync($"/api/v1/admin/payments/{paymentId}/refunds",
                    new { amountCents = amount, reason = "crash test", refundMethod = "original_method" })).ReadJsonAsync(HttpStatusCode.Created);
                await KilledAsync(() => fixture.Admin().PostAsync($"/api/v1/admin/refunds/{refund.Id()}/complete", null));
                Assert.Equal("pending", await fixture.ScalarAsync<string>("SELECT status FROM refunds WHERE id = @id", ("id", refund.Id())));
                Assert.Equal("payment_received", await fixture.OrderStatusAsync(paid.OrderId));
                await (await fixture.Admin().PostAsync($"/api/v1/admin/refunds/{refund.Id()}/complete", null)).ReadJsonAsync(HttpStatusCode.OK);
                Assert.Equal("refunded", await fixture.OrderStatusAsync(paid.OrderId));
                break;
            }

            case FaultPoints.ShipBeforeCommit:
            {
                var paid = await fixture.PaidOrderAsync(product, 2);
                var packed = await (await fixture.Admin().FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 2 }))
                    .ReadJsonAsync(HttpStatusCode.Created);
                var stock = await fixture.StockAsync(product);
                await KilledAsync(() => fixture.Admin().ShipAsync(packed.Id()));
                Assert.Equal(stock, await fixture.StockAsync(product));
                Assert.Equal("ready_to_ship", await fixture.OrderStatusAsync(paid.OrderId));
                await (await fixture.Admin().ShipAsync(packed.Id())).ReadJsonAsync(HttpStatusCode.OK);
                Assert.Equal("shipped", await fixture.OrderStatusAsync(paid.OrderId));
                break;
            }

            case FaultPoints.OutboxAfterSend:
            {
                // Verification queues sales_order.created and payment.completed; the dispatcher sends them and dies
                // before marking them. The restarted host sends them again under the same keys: the ERP answers 409 with
                // its first id (a replay) and records nothing new.
                var (order, payment) = await SubmittedAsync(product);
                await fixture.AssertErpDeliveredOnceAsync(fixture.Erp); // what came before is out of the way
                var replays = fixture.Erp.Replays;
                fixture.Arm();
                // The commit wakes the dispatcher at once: the host may die before it has written the answer.
                var verify = await Record.ExceptionAsync(async () =>
                    await (await fixture.Admin().VerifyAsync(payment.Id(), order.Int("totalCents"))).ReadJsonAsync(HttpStatusCode.OK));
                Assert.True(verify is null or HttpRequestException or IOException or System.Net.Sockets.SocketException, $"{verify}");
                await fixture.SurviveKillAsync();
                Assert.Equal("completed", await PaymentStatusAsync(payment.Id()));
                await fixture.AssertErpDeliveredOnceAsync(fixture.Erp);
                Assert.True(fixture.Erp.Replays > replays, "the restarted host did not send the unmarked messages again");
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(point), point, "No scenario for this fault point.");
        }
    }

    /// <summary>Arms the point, sends the request the host dies in (no answer comes), restarts the host.</summary>
    private async Task KilledAsync(Func<Task<HttpResponseMessage>> request)
    {
        fixture.Arm();
        var exception = await Record.ExceptionAsync(async () =>
        {
            var response = await request();
            Assert.Fail($"The host answered {(int)response.StatusCode} instead of dying: {await response.Content.ReadAsStringAsync()}");
        });
        Assert.True(exception is HttpRequestException or IOException or System.Net.Sockets.SocketException, $"{exception}");
        await fixture.SurviveKillAsync();
    }

    /// <summary>A checkout with its proof of payment sent: the payment awaits verification.</summary>
    private async Task<(JsonElement Order, JsonElement Payment)> SubmittedAsync(Guid product)
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(product, 1);
        var placed = await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadJsonAsync(HttpStatusCode.Created);
        var payment = placed.GetProperty("payment");
        await (await client.SubmitProofAsync(payment.Str("paymentReference"), PaymentsApi.Png)).ReadJsonAsync(HttpStatusCode.OK);
        return (placed.GetProperty("order"), payment);
    }

    private Task<long> OrdersOfAsync(Buyer buyer) => fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE user_id = @id", ("id", buyer.UserId));

    private Task<string> PaymentStatusAsync(Guid paymentId) => fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", paymentId));
}
