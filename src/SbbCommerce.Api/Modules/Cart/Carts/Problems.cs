namespace SbbCommerce.Api.Modules.Cart.Carts;

/// <summary>The Cart module's problem answers.</summary>
internal static class Problems
{
    public static ProblemHttpResult OwnerRequired() => ApiProblems.BadRequest(CartErrors.CartOwnerRequired,
        "Sign in or send X-Anonymous-Id (8 to 100 characters) to use a cart.");

    public static ProblemHttpResult LineNotFound() => ApiProblems.NotFound(CartErrors.CartItemNotFound, "This product is not in the cart.");

    public static ProblemHttpResult Unavailable() => ApiProblems.Unprocessable(CartErrors.ProductUnavailable, "This product is not for sale.");

    public static ProblemHttpResult InsufficientStock(Guid productId, int requested, int available) => ApiProblems.Unprocessable(
        CartErrors.InsufficientStock, "Not enough stock for this quantity.", $"{available} available, {requested} requested.",
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["productId"] = productId,
            ["quantityRequested"] = requested,
            ["quantityAvailable"] = available,
        });

    public static ProblemHttpResult DiscountInvalid(string reason) => ApiProblems.Unprocessable(
        CartErrors.DiscountInvalid, "This discount code cannot be used.", $"Reason: {reason}.",
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = reason });
}
