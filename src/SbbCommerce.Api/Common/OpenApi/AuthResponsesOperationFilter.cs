using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// Every operation says how it is secured. Routes that need a token carry the bearer requirement, 401 (no or bad
/// token) and, when a role policy applies, 403 (valid token, wrong role). Cart routes take the bearer optionally
/// (the user's cart, else the anonymous visitor's). Public routes get <c>security: []</c> (written by
/// <see cref="SwaggerDocumentSerializer"/>, since an empty list is otherwise left out).
/// </summary>
internal sealed class AuthResponsesOperationFilter : IOperationFilter
{
    public const string BearerScheme = "bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };
        if (!RequiresToken(metadata))
        {
            if (metadata.OfType<OptionalBearerMetadata>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement(), bearer];
            }

            return;
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse());
        if (RequiresRole(metadata))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse());
        }

        operation.Security = [bearer];
    }

    public static bool RequiresToken(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    public static bool RequiresRole(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any(data => data.Policy is Auth.Policies.Admin or Auth.Policies.SuperAdmin || !string.IsNullOrEmpty(data.Roles));
}
