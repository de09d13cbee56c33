namespace SbbCommerce.Api.Modules.Orders.Views;

/// <summary>The answers every order route gives alike.</summary>
internal static class OrderProblems
{
    public static ProblemHttpResult NotFound() => ApiProblems.NotFound(OrdersErrors.OrderNotFound, "Order not found.");
}
