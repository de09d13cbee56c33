using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Customer.CreatePayment;

/// <summary>Opens a new payment for what an order of the caller still owes, one at a time per order.</summary>
internal sealed class CreatePaymentHandler(SbbDbContext db, IOrderPayments orders, IPaymentsModule payments, ILogger<CreatePaymentHandler> logger)
{
    public async Task<Results<Created<PaymentView>, ProblemHttpResult>> HandleAsync(
        string orderNumber, NewPaymentRequest request, PaymentCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var order = await orders.FindByNumberAsync(orderNumber, cancellationToken);
        if (order is null || order.UserId != caller.Actor.UserId)
        {
            return ApiProblems.NotFound(PaymentsErrors.OrderNotFound, "Order not found.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One new payment per order at a time: two clicks cannot open two payments.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"payment-open:" + order.OrderId}, 0))",
            cancellationToken);
        if (order.Status != OrderStatus.PendingPayment
            || (await payments.OrdersWithLivePaymentsAsync([order.OrderId], cancellationToken)).Count > 0)
        {
            return ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState,
                "This order is not awaiting a new payment (it is paid, cancelled, or a payment is already open).");
        }

        var amount = request.AmountCents ?? order.AmountDueCents;
        var method = await payments.FindActiveMethodAsync(request.PaymentMethodId, cancellationToken);
        if (method is null)
        {
            return ApiProblems.Unprocessable(PaymentsErrors.PaymentMethodUnavailable, "This payment method is not available.");
        }

        if (amount > order.AmountDueCents || !method.Accepts(amount))
        {
            return ApiProblems.Unprocessable(PaymentsErrors.AmountOutOfRange, "The amount is above what is due or outside the method's limits.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["amountDueCents"] = order.AmountDueCents,
                    ["minAmountCents"] = method.MinAmountCents,
                    ["maxAmountCents"] = method.MaxAmountCents,
                });
        }

        var payment = await payments.InitiateAsync(
            new NewPayment(order.OrderId, order.OrderNumber, order.UserId, order.CustomerEmail, method.Id, amount, caller.Actor,
                caller.Request.IpAddress, caller.Request.UserAgent),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        PaymentsLog.PaymentOpened(logger, payment.Id, order.OrderId);
        return TypedResults.Created($"/api/v1/payments/{payment.PaymentReference}", payment);
    }
}
