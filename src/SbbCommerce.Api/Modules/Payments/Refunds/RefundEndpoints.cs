using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Faults;
using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Erp;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Refunds;

/// <summary>
/// Refunds. A refund is created pending against a completed payment, never beyond what the payment received minus
/// what its other refunds (pending or completed) take: the payment row is locked while counting, so two refunds
/// racing cannot together exceed it. Completing it moves the payment (and the order) to partially_refunded or
/// refunded and queues credit_memo.created for the ERP.
/// </summary>
internal static class RefundEndpoints
{
    public const string CreditMemoCreated = ErpEventTypes.CreditMemoCreated;

    public static RouteGroupBuilder MapRefunds(this RouteGroupBuilder admin)
    {
        admin.MapPost("/payments/{id:guid}/refunds", CreateAsync).WithName("AdminCreateRefund")
            .WithSummary("Create a pending refund (422 refund_exceeds_paid above what is refundable; 422 invalid_payment_state unless completed).")
            .WithValidation<CreateRefundRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.PaymentNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState, PaymentsErrors.RefundExceedsPaid);
        admin.MapPost("/refunds/{id:guid}/complete", CompleteAsync).WithName("AdminCompleteRefund")
            .WithSummary("The money went back: payment and order become partially_refunded or refunded.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return admin;
    }

    private static async Task<Results<Created<RefundResponse>, ProblemHttpResult>> CreateAsync(
        Guid id, CreateRefundRequest request, ICurrentUser currentUser, SbbDbContext db, PaymentLedger ledger, IAuditWriter audit,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await db.Set<Payment>().FromSqlInterpolated($"SELECT *, xmin FROM payments WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (payment is null)
        {
            return ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found.");
        }

        if (payment.Status is not (PaymentStatus.Completed or PaymentStatus.PartiallyRefunded))
        {
            return ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "Only a completed payment can be refunded.");
        }

        var committed = await db.Set<Refund>().Where(r => r.PaymentId == id && r.Status != RefundStatus.Failed).SumAsync(r => r.AmountCents, cancellationToken);
        var refundable = (payment.ReceivedAmountCents ?? payment.AmountCents) - committed;
        if (request.AmountCents > refundable)
        {
            return ApiProblems.Unprocessable(PaymentsErrors.RefundExceedsPaid, "The refund is larger than what is left to refund.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["refundableCents"] = Math.Max(refundable, 0) });
        }

        var now = timeProvider.GetUtcNow();
        var sequence = await db.NextAsync(HumanReferences.Refund, "RF", cancellationToken);
        var refund = new Refund
        {
            Id = Guid.CreateVersion7(),
            RefundReference = sequence,
            PaymentId = payment.Id,
            OrderId = payment.OrderId,
            AmountCents = request.AmountCents,
            Status = RefundStatus.Pending,
            Reason = request.Reason,
            ReasonDetails = request.ReasonDetails,
            RefundMethod = request.RefundMethod,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<Refund>().Add(refund);
        var actor = StatusActor.Admin(currentUser.UserId!.Value);
        await ledger.RecordAsync(payment.Id, PaymentActions.RefundCreated, "refund_pending", actor, success: true, failureReason: null,
            new { refund.RefundReference, refund.AmountCents, refund.Reason, refund.RefundMethod }, cancellationToken);
        audit.Record("refund.created", "refund", refund.Id, null, RefundResponse.From(refund));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/admin/refunds/{refund.Id}", RefundResponse.From(refund));
    }

    private static async Task<Results<Ok<RefundResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, ICurrentUser currentUser, SbbDbContext db, PaymentLedger ledger, IOrderPayments orders, IOutboxWriter outbox, IAuditWriter audit,
        IFaultPoint faults, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var refund = await db.Set<Refund>().FromSqlInterpolated($"SELECT *, xmin FROM refunds WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (refund is null)
        {
            return ApiProblems.NotFound("refund_not_found", "Refund not found.");
        }

        if (refund.Status != RefundStatus.Pending)
        {
            return ApiProblems.Conflict(ErrorCodes.ConcurrencyConflict, "This refund was already completed or failed.");
        }

        var payment = await db.Set<Payment>().FromSqlInterpolated($"SELECT *, xmin FROM payments WHERE id = {refund.PaymentId} FOR UPDATE")
            .SingleAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var actor = StatusActor.Admin(currentUser.UserId!.Value);
        refund.Status = RefundStatus.Completed;
        refund.ProcessedBy = actor.UserId;
        refund.ProcessedAt = now;
        refund.UpdatedAt = now;
        payment.RefundedAmountCents += refund.AmountCents;
        var received = payment.ReceivedAmountCents ?? payment.AmountCents;
        var target = payment.RefundedAmountCents >= received ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        if (payment.Status != target)
        {
            await ledger.MoveAsync(payment, target, PaymentActions.RefundCompleted, actor, new { refund.RefundReference, refund.AmountCents }, cancellationToken);
        }
        else
        {
            await ledger.RecordAsync(payment.Id, PaymentActions.RefundCompleted, "refund_completed", actor, success: true, failureReason: null,
                new { refund.RefundReference, refund.AmountCents }, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var orderRefunded = await db.Set<Payment>().Where(p => p.OrderId == refund.OrderId).SumAsync(p => p.RefundedAmountCents, cancellationToken);
        var order = await orders.RecordRefundAsync(refund.OrderId, orderRefunded, actor, cancellationToken);
        PaymentErpMessages.EnqueueCreditMemo(outbox, refund, payment, order.OrderNumber);
        PaymentEmails.Enqueue(outbox, PaymentEmails.RefundCompleted, order.CustomerEmail, payment.Id,
            new { refund.RefundReference, order.OrderNumber, refund.AmountCents, refund.RefundMethod });
        audit.Record("refund.completed", "refund", refund.Id, new { Status = RefundStatus.Pending }, new { refund.Status, PaymentStatus = payment.Status });
        await db.SaveChangesAsync(cancellationToken);
        faults.Reach(FaultPoints.RefundCompleteBeforeCommit);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(RefundResponse.From(refund));
    }
}
