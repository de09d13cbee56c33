using Xunit.Abstractions;

namespace SbbCommerce.IntegrationTests.Performance;

/// <summary>
/// Pins the database round trips of the hot requests (docs/performance.md lists the statements): a change that adds
/// one fails here and has to say why in the same commit. Commands only: each request below also commits the
/// transactions named in its test (a COMMIT is one more round trip each).
/// </summary>
public sealed class RoundTripTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>, IDisposable
{
    // The idempotency claim; the cart with its lines (sold-out gate and quote); customer; address; products; their
    // batches; payment method; in ONE transaction: two reference numbers, the cart converted, ONE batch of ten inserts,
    // the stock reserved; the answer stored. One COMMIT besides (docs/performance.md lists them).
    private const int CheckoutCommands = 13;

    // In one transaction: the new cart returned by its INSERT, the product and its batches, ONE batch (line, totals, event).
    private const int CartAddCommands = 4;

    // The session by its token's hash, the user with the profile; in one transaction: the new session, the old one retired.
    private const int RefreshCommands = 4;

    private readonly DatabaseRoundTrips _roundTrips = new();

    [Fact]
    public async Task Given_a_buyer_with_one_line_When_checking_out_Then_the_database_round_trips_stay_pinned()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/checkout") { Content = JsonContent.Create(OrdersApi.Checkout(buyer)) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var (response, commands) = await _roundTrips.Send(client, request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        AssertPinned(CheckoutCommands, commands);
    }

    [Fact]
    public async Task Given_a_new_visitor_When_adding_the_first_line_Then_the_database_round_trips_stay_pinned()
    {
        var product = await fixture.ProductAsync();
        var visitor = fixture.Visitor();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cart/items") { Content = JsonContent.Create(new { productId = product, quantity = 1 }) };

        var (response, commands) = await _roundTrips.Send(visitor, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPinned(CartAddCommands, commands);
    }

    [Fact]
    public async Task Given_a_session_When_refreshing_Then_the_database_round_trips_stay_pinned()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh") { Content = JsonContent.Create(new { refreshToken = session.RefreshToken }) };

        var (response, commands) = await _roundTrips.Send(client, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPinned(RefreshCommands, commands);
    }

    private void AssertPinned(int expected, IReadOnlyList<string> commands)
    {
        for (var index = 0; index < commands.Count; index++)
        {
            output.WriteLine($"-- {index + 1}{Environment.NewLine}{commands[index]}");
        }

        Assert.True(commands.Count == expected,
            $"{commands.Count} database commands, {expected} pinned:{Environment.NewLine}{string.Join(Environment.NewLine + "--" + Environment.NewLine, commands)}");
    }

    public void Dispose() => _roundTrips.Dispose();
}
