using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Discounts;

/// <summary>A discount code to apply.</summary>
/// <param name="Code">The code (case-insensitive).</param>
internal sealed record ApplyDiscountRequest(string Code);

internal sealed class ApplyDiscountRequestValidator : AbstractValidator<ApplyDiscountRequest>
{
    public ApplyDiscountRequestValidator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(50);
}

internal static class DiscountEndpoints
{
    public static RouteGroupBuilder MapCartDiscount(this RouteGroupBuilder cart)
    {
        cart.MapPost("/discount", ApplyAsync).WithName("ApplyCartDiscount")
            .WithSummary("Apply a discount code. 422 discount_invalid with reason: expired, not_started, usage_limit_reached, " +
                "minimum_not_met, not_applicable, first_order_only, per_user_limit_reached.")
            .WithValidation<ApplyDiscountRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        cart.MapDelete("/discount", RemoveAsync).WithName("RemoveCartDiscount")
            .WithSummary("Remove the discount code.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return cart;
    }

    /// <summary>Usage is only checked here; it is consumed at checkout.</summary>
    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> ApplyAsync(
        ApplyDiscountRequest request, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, CartPricer pricer,
        IProductCatalog catalog, SbbDbContext db, CancellationToken cancellationToken)
    {
        if (CartOwner.From(httpContext, currentUser) is not { } owner)
        {
            return Problems.OwnerRequired();
        }

        var code = request.Code.Trim().ToUpperInvariant();
        return await editor.EditAsync(owner, createIfMissing: true, async (cart, items) =>
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
            return null;
        }, cancellationToken);
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> RemoveAsync(
        HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, CancellationToken cancellationToken)
    {
        if (CartOwner.From(httpContext, currentUser) is not { } owner)
        {
            return Problems.OwnerRequired();
        }

        return await editor.EditAsync(owner, createIfMissing: true, (cart, _) =>
        {
            cart.DiscountId = null;
            cart.DiscountCode = null;
            cart.DiscountRemovedCode = null;
            cart.DiscountRemovedReason = null;
            return Task.FromResult<ProblemHttpResult?>(null);
        }, cancellationToken);
    }
}
