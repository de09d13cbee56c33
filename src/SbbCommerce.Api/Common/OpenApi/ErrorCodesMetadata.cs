namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// The problem codes a route may answer with one status, declared beside the route with the constants its handler
/// returns (<c>CartErrors.InsufficientStock</c>), so the OpenAPI document lists them without restating them by hand.
/// </summary>
internal sealed record ErrorCodesMetadata(int StatusCode, IReadOnlyList<string> Codes);

internal static class ErrorCodesExtensions
{
    /// <summary>Documents a problem answer of this route with the codes it carries (also its <c>ProducesProblem</c>).</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, int statusCode, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ErrorCodesMetadata(statusCode, codes),
            new ProducesResponseTypeMetadata(statusCode, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
}
