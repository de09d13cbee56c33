using System.Net;

namespace SbbCommerce.Api.Modules.Fulfillment.Shipping;

/// <summary>Why a Shippo call did not give what was asked.</summary>
internal enum ShippoFailure
{
    /// <summary>Shippo refused the request (4xx, or a transaction that did not succeed): the data must change.</summary>
    Rejected,
    /// <summary>Shippo did not answer properly, even after the retries (5xx, timeouts, an unreadable answer).</summary>
    Unavailable,
}

/// <summary>A Shippo answer or why there is none (with Shippo's own messages, never our token).</summary>
internal sealed record ShippoResult<T>(T? Value, ShippoFailure? Failure, string? Detail)
{
    public static ShippoResult<T> Ok(T value) => new(value, null, null);
}

/// <summary>
/// The typed client of Shippo: the only place that knows its wire rules (token header, snake_case JSON, synchronous
/// shipments and transactions). Retries, timeouts and the circuit breaker come from the resilience handler registered with it.
/// </summary>
internal sealed class ShippoClient(HttpClient http)
{
    public const string AuthorizationScheme = "ShippoToken";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public Task<ShippoResult<ShippoShipment>> CreateShipmentAsync(ShippoShipmentRequest request, CancellationToken cancellationToken) =>
        PostAsync<ShippoShipmentRequest, ShippoShipment>("shipments", request, cancellationToken);

    public async Task<ShippoResult<ShippoTransaction>> BuyLabelAsync(string rateId, CancellationToken cancellationToken)
    {
        var result = await PostAsync<ShippoTransactionRequest, ShippoTransaction>("transactions", new ShippoTransactionRequest(rateId, "PDF", false), cancellationToken);
        if (result.Value is { } transaction && !string.Equals(transaction.Status, "SUCCESS", StringComparison.OrdinalIgnoreCase))
        {
            var messages = string.Join("; ", (transaction.Messages ?? []).Select(m => m.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
            return new ShippoResult<ShippoTransaction>(null, ShippoFailure.Rejected, $"Label not bought ({transaction.Status}): {messages}");
        }

        return result;
    }

    private async Task<ShippoResult<TResponse>> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(path, body, Json, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException
                                              or Polly.Timeout.TimeoutRejectedException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ShippoResult<TResponse>(default, ShippoFailure.Unavailable, "Shippo did not answer.");
        }

        using (response)
        {
            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                return new ShippoResult<TResponse>(default, ShippoFailure.Unavailable, $"Shippo answered {(int)response.StatusCode}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return new ShippoResult<TResponse>(default, ShippoFailure.Rejected,
                    $"Shippo refused ({(int)response.StatusCode}): {(text.Length > 500 ? text[..500] : text)}");
            }

            try
            {
                var value = await response.Content.ReadFromJsonAsync<TResponse>(Json, cancellationToken);
                return value is null
                    ? new ShippoResult<TResponse>(default, ShippoFailure.Unavailable, "Shippo answered an empty body.")
                    : ShippoResult<TResponse>.Ok(value);
            }
            catch (JsonException)
            {
                return new ShippoResult<TResponse>(default, ShippoFailure.Unavailable, "Shippo answered something unreadable.");
            }
        }
    }
}
