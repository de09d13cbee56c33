namespace SbbCommerce.Api.Common.Validation;

/// <summary>
/// Validates the endpoint's <typeparamref name="TRequest"/> argument with its FluentValidation validator and
/// answers 400 <c>validation_failed</c> with <c>errors: { field: [messages] }</c> before the handler runs.
/// </summary>
internal sealed class ValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null)
        {
            return ApiProblems.BadRequest(ErrorCodes.MalformedRequest, "The request body is missing.");
        }

        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var errors = result.Errors
            .GroupBy(error => JsonFieldName(error.PropertyName), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.ErrorMessage).Distinct().ToArray(),
                StringComparer.Ordinal);
        return ApiProblems.Validation(errors);
    }

    /// <summary>Field names as the client wrote them (camelCase), not as C# properties.</summary>
    private static string JsonFieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

internal static class ValidationFilterExtensions
{
    /// <summary>Runs the request's validator before the handler.</summary>
    public static RouteHandlerBuilder WithValidation<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>()
            .ProducesValidationProblem();
}
