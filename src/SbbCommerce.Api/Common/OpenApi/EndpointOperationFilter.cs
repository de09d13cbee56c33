using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>An operation filter driven by its endpoint's metadata (what the route's builder calls and attributes added).</summary>
internal abstract class EndpointOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        Apply(operation, context, context.ApiDescription.ActionDescriptor.EndpointMetadata);
    }

    protected abstract void Apply(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata);
}

internal static class EndpointMetadataExtensions
{
    /// <summary>Whether the endpoint carries metadata of type <typeparamref name="T"/>.</summary>
    public static bool Has<T>(this IList<object> metadata) => metadata.OfType<T>().Any();
}
