using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.Api.Modules.Cart.Discounts.ApplyDiscount;

internal static class ApplyDiscountEndpoint
{
    public static RouteHandlerBuilder MapApplyCartDiscount(this RouteGroupBuilder cart) =>
        cart.MapPost("/discount", HandleAsync).WithName("ApplyCartDiscount")
            .WithSummary("Apply a discount code. 422 discount_invalid with reason: expired, not_started, usage_limit_reached, " +
                "minimum_not_met, not_applicable, first_order_only, per_user_limit_reached.")
            .WithValidation<ApplyDiscountRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Usage is only checked here; it is consumed at checkout.</summary>
    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> HandleAsync(
        ApplyDiscountRequest request, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, CartPricer pricer,
        SbbDbContext db, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        return await editor.EditAsync(CartOwner.From(httpContext, currentUser), createIfMissing: true, async (_, cart, items) =>
        {
            var discount = await db.Set<Discount>().AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
            if (discount is null)
            {
                return Problems.DiscountInvalid(DiscountReasons.NotApplicable);
            }

            var preview = await pricer.PriceAsync(cart, items, cancellationToken);
            var evaluation = await pricer.EvaluateAsync(discount, cart, preview.Items, preview.SubtotalCents, cancellationToken);
            if (!evaluation.Applies)
            {
                return Problems.DiscountInvalid(evaluation.Reason!);
            }

            cart.DiscountId = discount.Id;
            cart.DiscountCode = discount.Code;
            cart.DiscountRemovedCode = null;
            cart.DiscountRemovedReason = null;
            return TypedResults.Ok();
        }, cancellationToken);
    }
}
