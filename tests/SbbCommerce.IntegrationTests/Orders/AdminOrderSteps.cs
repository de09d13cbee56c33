using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.IntegrationTests.Orders;

/// <summary>What the admin order tests arrange alike: a paid order, and a status move with a reason.</summary>
internal static class AdminOrderSteps
{
    public static Task<HttpResponseMessage> MoveOrderAsync(this HttpClient admin, Guid orderId, string toStatus) =>
        admin.PostAsJsonAsync($"/api/v1/admin/orders/{orderId}/status", new { toStatus, reason = "test step" });

    /// <summary>An order placed and paid in full through the Orders contract (as a verified payment does).</summary>
    public static async Task<Guid> PaidOrderIdAsync(this ApiFixture fixture)
    {
        var order = (await fixture.PlaceOrderAsync(await fixture.ProductAsync())).GetProperty("order");
        var id = order.GetProperty("id").GetGuid();
        await using var scope = fixture.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IOrderPayments>()
            .RecordPaymentAsync(id, order.GetProperty("totalCents").GetInt32(), StatusActor.System, CancellationToken.None);
        await ApiFixture.DbContext(scope).SaveChangesAsync();
        return id;
    }
}
