using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// Routes that need a token say so in Swagger: the bearer requirement, 401 (no or bad token) and, when a role
/// policy applies, 403 (valid token, wrong role). Public routes stay without a lock.
/// </summary>
internal sealed class AuthResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No access token, or an invalid or expired one (problem code unauthorized)." });
        if (authorize.Any(data => data.Policy is Auth.Policies.Admin or Auth.Policies.SuperAdmin || !string.IsNullOrEmpty(data.Roles)))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's role may not use this route (problem code forbidden)." });
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] });
    }
}
