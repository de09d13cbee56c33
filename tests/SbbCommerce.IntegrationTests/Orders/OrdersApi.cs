using System.Text.Json;
using SbbCommerce.IntegrationTests.Cart;

namespace SbbCommerce.IntegrationTests.Orders;

/// <summary>A customer who may buy everything, arranged directly in the database (fast enough to create hundreds).</summary>
internal sealed record Buyer(Guid UserId, string Token, Guid AddressId);

internal static class OrdersApi
{
    public const string ComplianceVersion = "2026-11";

    public static async Task<Buyer> BuyerAsync(this ApiFixture fixture, bool emailVerified = true, bool ageVerified = true, string kyc = "approved",
        string state = "TX", string country = "US")
    {
        var userId = await fixture.ScalarAsync<Guid>(
            """
            INSERT INTO users (email, email_verified, status, age_verified, age_verified_at, kyc_status, password_hash)
            VALUES (@email, @verified, 'active', @age, CASE WHEN @age THEN now() END, @kyc, 'none') RETURNING id
            """,
            ("email", $"buyer-{Guid.NewGuid():N}@example.test"), ("verified", emailVerified), ("age", ageVerified), ("kyc", kyc));
        await fixture.ExecuteAsync("INSERT INTO user_profiles (user_id, first_name, last_name) VALUES (@id, 'Bea', 'Buyer')", ("id", userId));
        var addressId = await fixture.ScalarAsync<Guid>(
            """
            INSERT INTO user_addresses (user_id, address_type, is_default, recipient_name, street_line_1, city, state_province, postal_code, country_code)
            VALUES (@id, 'shipping', true, 'Bea Buyer', '1 Main St', 'Springfield', @state, '73301', @country) RETURNING id
            """,
            ("id", userId), ("state", state), ("country", country));
        return new Buyer(userId, fixture.TokenFor("customer", userId), addressId);
    }

    public static HttpClient Client(this ApiFixture fixture, Buyer buyer) => fixture.CreateClient().WithBearer(buyer.Token);

    public static object Checkout(Buyer buyer, Guid? method = null, bool acknowledged = true, string version = ComplianceVersion) => new
    {
        shippingAddressId = buyer.AddressId,
        paymentMethodId = method ?? SeededData.ZelleMethodId,
        complianceAcknowledged = acknowledged,
        complianceVersion = version,
    };

    public static Task<HttpResponseMessage> CheckoutAsync(this HttpClient client, object request, string? idempotencyKey = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/checkout") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(message);
    }

    /// <summary>A buyer with one line in the cart, ready to check out.</summary>
    public static async Task<(Buyer Buyer, HttpClient Client)> BuyerWithCartAsync(this ApiFixture fixture, Guid product, int quantity = 1)
    {
        var buyer = await fixture.BuyerAsync();
        var client = fixture.Client(buyer);
        await (await client.AddAsync(product, quantity)).ReadAsync();
        return (buyer, client);
    }

    public static async Task<JsonElement> PlaceOrderAsync(this ApiFixture fixture, Guid product, int quantity = 1)
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(product, quantity);
        var response = await client.CheckoutAsync(Checkout(buyer));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<int> ReservedAsync(this ApiFixture fixture, Guid product) =>
        fixture.ScalarAsync<int>("SELECT quantity_reserved FROM products WHERE id = @id", ("id", product));
}
