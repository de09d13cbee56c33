namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// Endpoint metadata for a route that can tell cheaply, before its body is read, that it will refuse the request.
/// Under overload the refusal is the common answer; buffering, scanning and parsing a body only to refuse it spends
/// the CPU that checkout needs (see <see cref="LoadSheddingMiddleware"/>).
/// </summary>
internal sealed class LoadShedding(Func<HttpContext, IResult?> refusal)
{
    /// <summary>The answer to give instead of running the route, or null to run it.</summary>
    public IResult? RefusalFor(HttpContext context) => refusal(context);
}

internal static class LoadSheddingExtensions
{
    /// <summary>Refuses the route's requests with <paramref name="refusal"/>'s answer, when it gives one, before the body is read.</summary>
    public static RouteHandlerBuilder ShedsLoad(this RouteHandlerBuilder builder, Func<HttpContext, IResult?> refusal) =>
        builder.WithMetadata(new LoadShedding(refusal));
}

/// <summary>
/// Runs a route's <see cref="LoadShedding"/> check after the rate limiter (a client over its own limit hears
/// <c>rate_limited</c>, and every request it sends counts against that limit) and before the route binds the body.
/// A route that sheds load checks its body's text per item (<c>StorableTextPerItem</c>), so the text middleware
/// before this one does not read its body either; a test holds every such route to that.
/// </summary>
internal sealed class LoadSheddingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<LoadShedding>()?.RefusalFor(context) is { } refusal
            ? refusal.ExecuteAsync(context)
            : next(context);
}
