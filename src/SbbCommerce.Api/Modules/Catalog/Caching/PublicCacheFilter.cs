using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Net.Http.Headers;

namespace SbbCommerce.Api.Modules.Catalog.Caching;

/// <summary>
/// Makes a public catalog read CDN-ready: a 200 answer gets a strong <c>ETag</c> (a hash of its exact JSON bytes) and
/// <c>Cache-Control: public, max-age=ReadCacheSeconds, stale-while-revalidate=...</c>; a request whose
/// <c>If-None-Match</c> names the current ETag gets 304 with no body. The value comes from the read cache, so a
/// revalidation served from it never touches the database. A request with a bearer token gets the ETag but not
/// the public caching (the security headers then stamp <c>no-store</c>): shared caches must not keep answers to
/// authorized requests. Problems (404, 400) are left alone.
/// </summary>
internal sealed class PublicCacheFilter(IOptions<CatalogOptions> catalog, IOptions<JsonOptions> json) : IEndpointFilter
{
    // The bytes and ETag of each value the read cache hands out, kept as long as that value lives (the cache holds
    // it): a hit is answered from stored bytes, neither serialised nor hashed again.
    private static readonly ConditionalWeakTable<object, Representation> Representations = [];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        if (result is INestedHttpResult nested)
        {
            result = nested.Result; // a Results<Ok<T>, ProblemHttpResult> union: look at the branch taken
        }

        if (result is not (IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value }))
        {
            return result;
        }

        var (bytes, etag) = Representations.GetValue(value, Represent);
        var http = context.HttpContext;
        var headers = http.Response.Headers;
        headers.ETag = etag.ToString();
        if (http.Request.Headers.Authorization.Count == 0)
        {
            var options = catalog.Value;
            headers.CacheControl = $"public, max-age={Math.Max(0, options.ReadCacheSeconds)}, stale-while-revalidate={Math.Max(0, options.StaleWhileRevalidateSeconds)}";
        }

        return Matches(http.Request, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }

    private Representation Represent(object value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
        var hash = Convert.ToBase64String(SHA256.HashData(bytes).AsSpan(0, 16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new Representation(bytes, new EntityTagHeaderValue($"\"{hash}\""));
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: true));

    private sealed record Representation(byte[] Bytes, EntityTagHeaderValue ETag);
}
