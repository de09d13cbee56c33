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
internal sealed class AuthResponsesOperationFilter : EndpointOperationFilter
{
    public const string BearerScheme = "bearer";

    protected override void Apply(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };
        if (!RequiresToken(metadata))
        {
            if (metadata.Has<OptionalBearerMetadata>())
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
        metadata.Has<IAuthorizeData>() && !metadata.Has<IAllowAnonymous>();

    public static bool RequiresRole(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any(data => data.Policy is Auth.Policies.Admin or Auth.Policies.SuperAdmin || !string.IsNullOrEmpty(data.Roles));
}
