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

    /// <summary>
    /// <paramref name="count"/> buyers like <see cref="BuyerAsync"/>'s defaults (verified, of age, KYC approved, in
    /// Texas), their users, profiles and addresses written by one multi-row statement: a race test's crowd in one round trip.
    /// </summary>
    public static async Task<IReadOnlyList<Buyer>> BuyersAsync(this ApiFixture fixture, int count)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH new_users AS (
                INSERT INTO users (email, email_verified, status, age_verified, age_verified_at, kyc_status, password_hash)
                SELECT 'buyer-' || gen_random_uuid() || '@example.test', true, 'active', true, now(), 'approved', 'none'
                  FROM generate_series(1, @count)
                RETURNING id
            ), profiles AS (
                INSERT INTO user_profiles (user_id, first_name, last_name) SELECT id, 'Bea', 'Buyer' FROM new_users
            )
            INSERT INTO user_addresses (user_id, address_type, is_default, recipient_name, street_line_1, city, state_province, postal_code, country_code)
            SELECT id, 'shipping', true, 'Bea Buyer', '1 Main St', 'Springfield', 'TX', '73301', 'US' FROM new_users
            RETURNING user_id, id
            """, connection);
        command.Parameters.AddWithValue("count", count);
        var rows = new List<(Guid UserId, Guid AddressId)>(count);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        // Tokens after the statement committed: each one's session row refers to its user.
        return rows.Select(row => new Buyer(row.UserId, fixture.TokenFor("customer", row.UserId), row.AddressId)).ToList();
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
    public static async Task<(Buyer Buyer, HttpClient Client)> BuyerWithCartAsync(this ApiFixture fixture, Guid product, int quantity = 1) =>
        await fixture.WithCartAsync(await fixture.BuyerAsync(), product, quantity);

    /// <summary>The buyer with one line in the cart, ready to check out.</summary>
    public static async Task<(Buyer Buyer, HttpClient Client)> WithCartAsync(this ApiFixture fixture, Buyer buyer, Guid product, int quantity = 1)
    {
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
