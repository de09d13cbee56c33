using System.Net.Http.Headers;

namespace SbbCommerce.IntegrationTests.Payments.Reconciliation;

internal static class ReconciliationApi
{
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient admin, string csv, string source, string? layout = null, string fileName = "export.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { new StringContent(source), "source" }, { file, "file", fileName } };
        if (layout is not null)
        {
            form.Add(new StringContent(layout), "layout");
        }

        return admin.PostAsync("/api/v1/admin/reconciliation/statements", form);
    }

    public static async Task<JsonElement> ImportedAsync(this HttpClient admin, string csv, string source, string? layout = null)
    {
        var response = await admin.ImportAsync(csv, source, layout);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync();
    }

    public static async Task<List<JsonElement>> LinesAsync(this HttpClient admin, string status, Guid? statementId = null)
    {
        var query = $"/api/v1/admin/reconciliation/lines?status={status}&limit=200" + (statementId is null ? "" : $"&statementId={statementId}");
        var page = await admin.GetFromJsonAsync<JsonElement>(query);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static Task<HttpResponseMessage> ConfirmAsync(this HttpClient admin, Guid lineId, Guid paymentId) =>
        admin.PostAsJsonAsync($"/api/v1/admin/reconciliation/lines/{lineId}/confirm", new { paymentId, notes = "seen it" });

    public static Task<Guid> LineIdAsync(this ApiFixture fixture, string transactionId) =>
        fixture.ScalarAsync<Guid>("SELECT id FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", transactionId));

    public static Task<string> PaymentStatusAsync(this ApiFixture fixture, Guid paymentId) =>
        fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", paymentId));

    public static DateOnly Today(this ApiFixture fixture) => DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime);

    public static string NewId() => "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Gives the buyer a name of their own (the seeded buyers are all Bea Buyer).</summary>
    public static Task NameAsync(this ApiFixture fixture, Guid userId, string first, string last) =>
        fixture.ExecuteAsync("""
            UPDATE user_profiles SET first_name = @first, last_name = @last WHERE user_id = @id;
            UPDATE user_addresses SET recipient_name = @first || ' ' || @last WHERE user_id = @id;
            """, ("id", userId), ("first", first), ("last", last));
}

internal static class SecondOrders
{
    /// <summary>A second order of the same buyer, with its (pending) payment.</summary>
    public static async Task<PlacedOrder> PlaceSecondOrderAsync(this ApiFixture fixture, PlacedOrder first, int priceCents)
    {
        var product = await fixture.ProductAsync(priceCents: priceCents);
        await (await first.Client.AddAsync(product)).ReadAsync();
        var body = await (await first.Client.CheckoutAsync(OrdersApi.Checkout(first.Buyer))).ReadAsync();
        var order = body.GetProperty("order");
        var payment = body.GetProperty("payment");
        return new PlacedOrder(first.Buyer, first.Client, order.GetProperty("id").GetGuid(), order.GetProperty("orderNumber").GetString()!,
            order.GetProperty("totalCents").GetInt32(), payment.GetProperty("id").GetGuid(), payment.GetProperty("paymentReference").GetString()!);
    }
}
