using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SbbCommerce.Bench.Scenarios.Commerce;

/// <summary>What checkout answered that later steps need.</summary>
internal sealed record PlacedOrder(Guid OrderId, string OrderNumber, Guid PaymentId, string PaymentReference);

/// <summary>
/// The storefront's calls as a scenario's set-up makes them (and the request builders its workers use), through the
/// driver's shared client. A refusal throws with the host's answer, so set-up stops at the first surprise.
/// </summary>
internal static class StoreApi
{
    /// <summary>The seeded Zelle method (every environment), limit 2,500.00 USD a payment.</summary>
    public static readonly Guid ZellePaymentMethodId = Guid.Parse("00000000-0000-4000-8000-000000001001");

    /// <summary>The problem code of a checkout or reservation refused for lack of stock.</summary>
    public const string SoldOutCode = "insufficient_stock";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>The acknowledgement version checkout wants back (GET /compliance).</summary>
    public static async Task<string> GetComplianceVersionAsync(BenchContext context, CancellationToken cancellationToken)
    {
        using var response = await context.Http.GetAsync(new Uri(context.ApiBaseUrl, "api/v1/compliance"), cancellationToken).ConfigureAwait(false);
        var body = await ReadSuccessAsync(response, "GET /api/v1/compliance", cancellationToken).ConfigureAwait(false);
        return body.GetProperty("version").GetString() ?? throw new InvalidOperationException("GET /api/v1/compliance answered no version.");
    }

    /// <summary>
    /// Checks the host accepts a signed token (GET on a route that needs one): routes open to visitors, like the cart,
    /// would otherwise treat a token signed with the wrong key as no token at all and answer something confusing.
    /// </summary>
    public static async Task EnsureTokenAcceptedAsync(BenchContext context, string accessToken, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(context.ApiBaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await context.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ReadSuccessAsync(response, $"GET /{path} with a token signed by the bench", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /cart/items as the buyer (bearer) or a visitor (X-Anonymous-Id).</summary>
    public static async Task AddToCartAsync(
        BenchContext context, Guid productId, int quantity, CancellationToken cancellationToken, string? accessToken = null, string? anonymousId = null)
    {
        using var request = Post(new Uri(context.ApiBaseUrl, "api/v1/cart/items"), AddToCartBody(productId, quantity), accessToken);
        if (anonymousId is not null)
        {
            request.Headers.Add("X-Anonymous-Id", anonymousId);
        }

        using var response = await context.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ReadSuccessAsync(response, "POST /api/v1/cart/items", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /checkout for the buyer's cart: the order and its first payment, or null for a sold-out 422 (insufficient_stock).</summary>
    public static async Task<PlacedOrder?> CheckoutAsync(BenchContext context, BenchBuyer buyer, string complianceVersion, CancellationToken cancellationToken)
    {
        using var request = Post(new Uri(context.ApiBaseUrl, "api/v1/checkout"), CheckoutBody(buyer, complianceVersion), buyer.AccessToken);
        using var response = await context.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity && await ProblemCodeAsync(response, cancellationToken).ConfigureAwait(false) == SoldOutCode)
        {
            return null;
        }

        return ReadPlacedOrder(await ReadSuccessAsync(response, "POST /api/v1/checkout", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>POST /payments/{reference}/proof (multipart, a customer reference and no file): pending -> awaiting_verification.</summary>
    public static async Task SubmitProofAsync(BenchContext context, BenchBuyer buyer, string paymentReference, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"BENCH-{paymentReference}"), "customerReference" },
            { new StringContent("Sent by SbbCommerce.Bench."), "notes" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(context.ApiBaseUrl, $"api/v1/payments/{Uri.EscapeDataString(paymentReference)}/proof"))
        {
            Content = form,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", buyer.AccessToken);
        using var response = await context.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ReadSuccessAsync(response, "POST /api/v1/payments/{reference}/proof", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens <paramref name="connections"/> keep-alive connections to the host (that many liveness probes at once), so a
    /// run that starts all its workers together measures the requests rather than a storm of TCP handshakes.
    /// </summary>
    public static async Task PreOpenConnectionsAsync(BenchContext context, int connections, CancellationToken cancellationToken)
    {
        var probe = new Uri(context.ApiBaseUrl, "health/live");
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            using var response = await context.Http.GetAsync(probe, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        })).ConfigureAwait(false);
    }

    public static byte[] AddToCartBody(Guid productId, int quantity) =>
        JsonSerializer.SerializeToUtf8Bytes(new { productId, quantity });

    /// <summary>The checkout body: the buyer's shipping address, Zelle, the current acknowledgement.</summary>
    public static byte[] CheckoutBody(BenchBuyer buyer, string complianceVersion) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            shippingAddressId = buyer.ShippingAddressId,
            paymentMethodId = ZellePaymentMethodId,
            complianceAcknowledged = true,
            complianceVersion,
        });

    /// <summary>A JSON POST with an optional bearer token and Idempotency-Key; the body is sent as is (serialized once, in set-up).</summary>
    public static HttpRequestMessage Post(Uri uri, byte[] body, string? accessToken = null, string? idempotencyKey = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static PlacedOrder ReadPlacedOrder(JsonElement checkout)
    {
        var order = checkout.GetProperty("order");
        var payment = checkout.GetProperty("payment");
        return new PlacedOrder(
            order.GetProperty("id").GetGuid(),
            order.GetProperty("orderNumber").GetString()!,
            payment.GetProperty("id").GetGuid(),
            payment.GetProperty("paymentReference").GetString()!);
    }

    /// <summary>The problem's machine code (RFC 9457 extension <c>code</c>), or null when the body is not a problem.</summary>
    public static async ValueTask<string?> ProblemCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("code", out var code)
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<JsonElement> ReadSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var hint = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => " (is the host's Jwt:SigningKey the one given by --jwt-key / SBB_BENCH_JWT_KEY, default the Development key?)",
                HttpStatusCode.TooManyRequests => " (run the host with RateLimiting__Enabled=false)",
                HttpStatusCode.NotFound => " (a wrong --url, or a route that exists only in Development?)",
                _ => string.Empty,
            };
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}{hint}: {Truncate(text)}");
        }

        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static string Truncate(string text) => text.Length <= 600 ? text : text[..600] + "...";
}
