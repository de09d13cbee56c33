using SbbCommerce.Api.Common.Compliance;
using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Common.Telemetry;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders.Checkout;

/// <summary>The acknowledgement the storefront shows and sends back.</summary>
/// <param name="Version">Send it back as complianceVersion.</param>
/// <param name="MinimumAge">Buyers must be at least this old.</param>
/// <param name="Text">The statement to show.</param>
internal sealed record ComplianceResponse(string Version, int MinimumAge, string Text);

internal static class CheckoutEndpoints
{
    public static RouteGroupBuilder MapCheckout(this RouteGroupBuilder api)
    {
        api.MapGet("/compliance", (IOptions<ComplianceOptions> options) =>
                TypedResults.Ok(new ComplianceResponse(options.Value.Version, options.Value.MinimumAge, options.Value.Text)))
            .WithName("GetCompliance")
            .WithSummary("The compliance acknowledgement of checkout: version, minimum age and text.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/checkout", CheckoutAsync)
            .WithName("Checkout")
            .WithSummary("Place the order from the cart: reserves stock, creates the first payment (pending) with its instructions, " +
                "converts the cart. 422: cart_empty, product_unavailable, email_not_verified, compliance_not_acknowledged, " +
                "compliance_version_outdated, age_verification_required, kyc_required, shipping_restricted, payment_method_unavailable, " +
                "amount_out_of_range, discount_invalid, insufficient_stock. Accepts Idempotency-Key.")
            .RequireAuthorization(Policies.User)
            // Outermost, so every answer of the route is counted once: the sold-out gate's, validation's and the handler's.
            .AddEndpointFilter(CountOutcomeAsync)
            // One bulkhead per host (a singleton from DI), the sold-out gate in front of its queue (see SoldOutQueue).
            .AddEndpointFilter(SoldOutQueue.InvokeAsync)
            .WithValidation<CheckoutRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable, ErrorCodes.Busy, ErrorCodes.Unavailable)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, OrdersErrors.CartEmpty, OrdersErrors.ProductUnavailable,
                OrdersErrors.EmailNotVerified, OrdersErrors.ComplianceNotAcknowledged, OrdersErrors.ComplianceVersionOutdated,
                OrdersErrors.AgeVerificationRequired, OrdersErrors.KycRequired, OrdersErrors.ShippingRestricted,
                OrdersErrors.PaymentMethodUnavailable, OrdersErrors.AmountOutOfRange, OrdersErrors.DiscountInvalid, OrdersErrors.InsufficientStock);
        return api;
    }

    private static async Task<Results<Created<CheckoutResponse>, ProblemHttpResult, ValidationProblem>> CheckoutAsync(
        CheckoutRequest request, HttpContext httpContext, ICurrentUser currentUser, CheckoutHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(currentUser.UserId!.Value, request, RequestContext.From(httpContext), cancellationToken);

    private static async ValueTask<object?> CountOutcomeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var answer = await next(context);
        if (answer is IResult result)
        {
            context.HttpContext.RequestServices.GetRequiredService<SbbMetrics>().Checkout(result);
        }

        return answer;
    }
}
