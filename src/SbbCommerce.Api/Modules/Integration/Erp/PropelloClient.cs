using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;

namespace SbbCommerce.Api.Modules.Integration.Erp;

/// <summary>
/// Propello's wire rules, in one place: the API key exchanged for a cached bearer token (renewed once on a 401),
/// <c>X-Active-Store</c>, a <c>User-Agent</c>, the outbox message id as <c>Idempotency-Key</c> on every write,
/// snake_case JSON with offset times. It does not retry: the outbox drain owns retries.
/// </summary>
internal sealed class PropelloClient(IHttpClientFactory httpClientFactory, IOptions<PropelloOptions> options, PropelloTokenCache tokens, TimeProvider timeProvider)
{
    public const string HttpClientName = "propello";

    private static readonly string UserAgent =
        "SbbCommerce/" + (typeof(PropelloClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0");

    public PropelloOptions Settings => options.Value;

    /// <summary>Sends one write; a 401 renews the token and tries once more.</summary>
    public async Task<PropelloAnswer> WriteAsync<TBody>(HttpMethod method, string path, TBody body, Guid idempotencyKey, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(AuthenticateAsync, cancellationToken);
        var answer = await SendAsync(method, path, body, idempotencyKey, token, cancellationToken);
        if (answer.Status != HttpStatusCode.Unauthorized)
        {
            return answer;
        }

        token = await tokens.RenewAsync(token, AuthenticateAsync, cancellationToken);
        return await SendAsync(method, path, body, idempotencyKey, token, cancellationToken);
    }

    /// <summary>A read (the inventory pull); a 401 renews the token and tries once more.</summary>
    public async Task<PropelloAnswer> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(AuthenticateAsync, cancellationToken);
        var answer = await SendAsync<object?>(HttpMethod.Get, pathAndQuery, null, null, token, cancellationToken);
        if (answer.Status != HttpStatusCode.Unauthorized)
        {
            return answer;
        }

        token = await tokens.RenewAsync(token, AuthenticateAsync, cancellationToken);
        return await SendAsync<object?>(HttpMethod.Get, pathAndQuery, null, null, token, cancellationToken);
    }

    private async Task<PropelloAnswer> SendAsync<TBody>(
        HttpMethod method, string path, TBody body, Guid? idempotencyKey, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Url(path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Scope(request);
        if (idempotencyKey is { } key)
        {
            request.Headers.Add("Idempotency-Key", key.ToString());
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: PropelloJson.Options);
        }

        using var response = await Http().SendAsync(request, cancellationToken);
        return await PropelloAnswer.ReadAsync(response, timeProvider.GetUtcNow(), cancellationToken);
    }

    private async Task<PropelloToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(Settings.Paths.Authenticate));
        // Propello takes the raw API key in Authorization (no scheme).
        request.Headers.TryAddWithoutValidation("Authorization", Settings.ApiKey ?? string.Empty);
        Scope(request);
        using var response = await Http().SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await PropelloAnswer.ReadAsync(response, timeProvider.GetUtcNow(), cancellationToken);
            throw new PropelloAuthenticationException(answer);
        }

        var token = await response.Content.ReadFromJsonAsync<AuthenticateResponse>(PropelloJson.Options, cancellationToken);
        return token is { AccessToken.Length: > 0 }
            ? new PropelloToken(token.AccessToken, token.ExpiresIn)
            : throw new JsonException("Propello's authenticate answer has no access_token.");
    }

    private void Scope(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (!string.IsNullOrEmpty(Settings.StoreId))
        {
            request.Headers.Add("X-Active-Store", Settings.StoreId);
        }
    }

    private Uri Url(string path) => new(Settings.BaseUrl!.TrimEnd('/') + "/" + path.TrimStart('/'));

    private HttpClient Http() => httpClientFactory.CreateClient(HttpClientName);

    private sealed record AuthenticateResponse(string AccessToken, int ExpiresIn);
}

/// <summary>Propello refused the API key (or was unavailable while we authenticated).</summary>
internal sealed class PropelloAuthenticationException(PropelloAnswer answer)
    : Exception($"Propello authentication failed with {(int)answer.Status}.")
{
    public PropelloAnswer Answer { get; } = answer;
}
