using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.IntegrationTests.Orders.Payments;

public sealed class OrderPaymentsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_full_payment_recorded_When_the_order_was_pending_Then_payment_received_paid_at_and_sales_order_in_the_outbox()
    {
        var order = (await fixture.PlaceOrderAsync(await fixture.ProductAsync(priceCents: 7_000))).GetProperty("order").GetProperty("id").GetGuid();

        await using (var scope = fixture.CreateScope())
        {
            var payments = scope.ServiceProvider.GetRequiredService<IOrderPayments>();
            var partial = await payments.RecordPaymentAsync(order, 3_000, StatusActor.Admin(SeededData.AdminId), CancellationToken.None);
            Assert.Equal(OrderStatus.PendingPayment, partial.Status);
            Assert.Equal(4_000, partial.AmountDueCents);
            var full = await payments.RecordPaymentAsync(order, 4_000, StatusActor.Admin(SeededData.AdminId), CancellationToken.None);
            Assert.Equal(OrderStatus.PaymentReceived, full.Status);
            await ApiFixture.DbContext(scope).SaveChangesAsync();
        }

        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE id = @id AND paid_at IS NOT NULL AND amount_paid_cents = 7000", ("id", order)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'sales_order.created' AND destination = 'epicor_propello'", ("id", order)));
    }
}
