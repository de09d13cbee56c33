namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>The route reads <c>X-Anonymous-Id</c> (the anonymous visitor of API.md).</summary>
internal sealed class AnonymousVisitorMetadata
{
    public static readonly AnonymousVisitorMetadata Instance = new();
}

/// <summary>A bearer token is optional: the route serves the signed-in user or, without a token, the anonymous visitor.</summary>
internal sealed class OptionalBearerMetadata
{
    public static readonly OptionalBearerMetadata Instance = new();
}

/// <summary>A public read with a strong <c>ETag</c> that answers 304 to a matching <c>If-None-Match</c>.</summary>
internal sealed class ConditionalReadMetadata
{
    public static readonly ConditionalReadMetadata Instance = new();
}

internal static class DocumentationMetadataExtensions
{
    /// <summary>The cart's owner: the bearer user, else the <c>X-Anonymous-Id</c> visitor.</summary>
    public static TBuilder ForUserOrAnonymousVisitor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OptionalBearerMetadata.Instance, AnonymousVisitorMetadata.Instance);

    /// <summary>The route reads <c>X-Anonymous-Id</c> when present (sign-in merges that visitor's cart).</summary>
    public static TBuilder ReadsAnonymousVisitor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AnonymousVisitorMetadata.Instance);
}
