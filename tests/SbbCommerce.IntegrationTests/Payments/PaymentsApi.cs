using System.Net.Http.Headers;

namespace SbbCommerce.IntegrationTests.Payments;

/// <summary>An order awaiting payment, its buyer and its first payment.</summary>
internal sealed record PlacedOrder(Buyer Buyer, HttpClient Client, Guid OrderId, string OrderNumber, int TotalCents, Guid PaymentId, string PaymentReference);

internal static class PaymentsApi
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    public static async Task<PlacedOrder> PlaceAsync(this ApiFixture fixture, int priceCents = 10_000)
    {
        var product = await fixture.ProductAsync(priceCents: priceCents);
        var (buyer, client) = await fixture.BuyerWithCartAsync(product);
        var body = await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync();
        var order = body.GetProperty("order");
        var payment = body.GetProperty("payment");
        return new PlacedOrder(buyer, client, order.GetProperty("id").GetGuid(), order.GetProperty("orderNumber").GetString()!,
            order.GetProperty("totalCents").GetInt32(), payment.GetProperty("id").GetGuid(), payment.GetProperty("paymentReference").GetString()!);
    }

    public static Task<HttpResponseMessage> SubmitProofAsync(this HttpClient client, string reference, byte[]? file = null, string fileName = "proof.png",
        string customerReference = "ZELLE-CONF-12345")
    {
        var form = new MultipartFormDataContent { { new StringContent(customerReference), "customerReference" }, { new StringContent("sent it"), "notes" } };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "file", fileName);
        }

        return client.PostAsync($"/api/v1/payments/{reference}/proof", form);
    }

    public static Task<HttpResponseMessage> VerifyAsync(this HttpClient admin, Guid paymentId, int? receivedAmountCents = null) =>
        admin.PostAsJsonAsync($"/api/v1/admin/payments/{paymentId}/verify", new { receivedAmountCents, notes = "seen in the bank" });

    public static async Task<PlacedOrder> SubmittedAsync(this ApiFixture fixture, int priceCents = 10_000)
    {
        var placed = await fixture.PlaceAsync(priceCents);
        await (await placed.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png)).ReadAsync();
        return placed;
    }

    public static Task<string> OrderStatusAsync(this ApiFixture fixture, Guid orderId) =>
        fixture.ScalarAsync<string>("SELECT status::text FROM orders WHERE id = @id", ("id", orderId));

    public static Task<int> PaidAsync(this ApiFixture fixture, Guid orderId) =>
        fixture.ScalarAsync<int>("SELECT amount_paid_cents FROM orders WHERE id = @id", ("id", orderId));

    public static async Task<JsonElement> NewPaymentAsync(this HttpClient client, string orderNumber, int? amountCents = null, Guid? method = null) =>
        await (await client.PostAsJsonAsync($"/api/v1/orders/{orderNumber}/payments",
            new { paymentMethodId = method ?? SeededData.ZelleMethodId, amountCents })).ReadAsync();
}
