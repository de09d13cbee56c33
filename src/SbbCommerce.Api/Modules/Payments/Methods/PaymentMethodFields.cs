using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods;

/// <summary>What create and update share: the request's fields copied onto the row, and the 404.</summary>
internal static class PaymentMethodFields
{
    public static void Apply(PaymentMethod method, PaymentMethodRequest request, DateTimeOffset now)
    {
        method.MethodType = request.MethodType;
        method.Name = request.Name;
        method.Instructions = request.Instructions;
        method.PaymentDetails = request.Details.GetRawText();
        method.MinAmountCents = request.MinAmountCents;
        method.MaxAmountCents = request.MaxAmountCents;
        method.ConfirmationWindowHours = request.ConfirmationWindowHours;
        method.SortOrder = request.SortOrder;
        method.IsActive = request.IsActive;
        method.IconUrl = request.IconUrl;
        method.UpdatedAt = now;
    }

    public static ProblemHttpResult NotFound() => ApiProblems.NotFound(PaymentsErrors.PaymentMethodNotFound, "Payment method not found.");
}
