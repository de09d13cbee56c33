namespace SbbCommerce.Api.Common.Idempotency;

/// <summary>Marks a POST route as accepting <c>Idempotency-Key</c> (the routes marked (I) in API.md).</summary>
internal sealed class IdempotentEndpointMetadata
{
    public static readonly IdempotentEndpointMetadata Instance = new();
}

internal static class IdempotentEndpointExtensions
{
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(IdempotentEndpointMetadata.Instance)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
