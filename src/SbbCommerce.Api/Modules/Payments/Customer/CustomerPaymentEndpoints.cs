using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Http;
using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Proofs;
using SbbCommerce.Api.Modules.Payments.Reconciliation.ReusedProofs;

namespace SbbCommerce.Api.Modules.Payments.Customer;

internal static class CustomerPaymentEndpoints
{
    public static RouteGroupBuilder MapCustomerPayments(this RouteGroupBuilder api)
    {
        api.MapPost("/orders/{orderNumber}/payments", CreateAsync).WithName("CreateOrderPayment")
            .WithSummary("Open a new payment for what the order still owes (or part of it: split tender). 422 invalid_payment_state " +
                "when the order is not awaiting payment or a payment is already open; payment_method_unavailable; amount_out_of_range.")
            .RequireAuthorization(Policies.User)
            .WithValidation<NewPaymentRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.OrderNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState, PaymentsErrors.PaymentMethodUnavailable,
                PaymentsErrors.AmountOutOfRange);
        api.MapGet("/payments/{paymentReference}", GetAsync).WithName("GetMyPayment")
            .WithSummary("One of the user's payments (another user's is 404).")
            .RequireAuthorization(Policies.User)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/payments/{paymentReference}/proof", SubmitProofAsync).WithName("SubmitPaymentProof")
            .WithSummary("Tell the shop you paid: customerReference, notes and an optional file (png, jpeg, webp or pdf, recognised by " +
                "content, at most 10 MB; multipart/form-data). pending -> awaiting_verification; 422 invalid_payment_state otherwise, " +
                "422 invalid_file for other content, 413 above 10 MB.")
            .RequireAuthorization(Policies.User)
            .DisableAntiforgery() // bearer tokens, no cookies: there is no cross-site form to forge
            .WithMetadata(new RequestSizeLimitAttribute(ProofFiles.MaxBytes + (64 * 1024)))
            .WithIdempotency()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.PaymentNotFound)
            .ProducesErrors(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState, PaymentsErrors.InvalidFile);
        return api;
    }

    private static async Task<Results<Created<PaymentView>, ProblemHttpResult>> CreateAsync(
        string orderNumber, NewPaymentRequest request, ICurrentUser currentUser, SbbDbContext db, IOrderPayments orders, IPaymentsModule payments,
        CancellationToken cancellationToken)
    {
        var order = await orders.FindByNumberAsync(orderNumber, cancellationToken);
        if (order is null || order.UserId != currentUser.UserId)
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
            new NewPayment(order.OrderId, order.OrderNumber, order.UserId, order.CustomerEmail, method.Id, amount, StatusActor.Customer(order.UserId)),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/payments/{payment.PaymentReference}", payment);
    }

    private static async Task<Results<Ok<PaymentDetailResponse>, ProblemHttpResult>> GetAsync(
        string paymentReference, ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken)
    {
        var row = await (from payment in db.Set<Payment>().AsNoTracking()
                         join method in db.Set<PaymentMethod>().AsNoTracking() on payment.PaymentMethodId equals method.Id
                         where payment.PaymentReference == paymentReference && payment.UserId == currentUser.UserId
                         select new { payment, method }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? NotFound() : TypedResults.Ok(PaymentDetailResponse.From(row.payment, row.method));
    }

    private static async Task<Results<Ok<PaymentDetailResponse>, ProblemHttpResult, ValidationProblem>> SubmitProofAsync(
        string paymentReference, [FromForm] string? customerReference, [FromForm] string? notes, IFormFile? file, HttpContext httpContext, ICurrentUser currentUser,
        SbbDbContext db, ProofFiles proofs, PaymentLedger ledger, IOutboxWriter outbox, IEventRecorder events, IOrderPayments orders,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerReference) || customerReference.Length > 100 || notes?.Length > 2000)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["customerReference"] = ["customerReference is required (at most 100 characters); notes at most 2000."],
            });
        }

        if (file is { Length: > ProofFiles.MaxBytes })
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The proof file is larger than 10 MB.");
        }

        string? contentType = null;
        if (file is not null)
        {
            var head = new byte[16];
            await using var peek = file.OpenReadStream();
            var read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            contentType = ProofFiles.Sniff(head.AsSpan(0, read));
            if (contentType is null)
            {
                return ApiProblems.Unprocessable(PaymentsErrors.InvalidFile, "The proof must be a png, jpeg, webp or pdf file.");
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await db.Set<Payment>()
            .FromSqlInterpolated($"SELECT *, xmin FROM payments WHERE payment_reference = {paymentReference} AND user_id = {currentUser.UserId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (payment is null)
        {
            return NotFound();
        }

        if (payment.Status != PaymentStatus.Pending)
        {
            return ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "Proof can only be sent for a pending payment.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["paymentStatus"] = payment.Status });
        }

        var now = timeProvider.GetUtcNow();
        if (file is not null)
        {
            await using var content = file.OpenReadStream();
            payment.ProofFileUrl = await proofs.SaveAsync(content, now, cancellationToken);
            payment.ProofContentType = contentType;
            payment.ProofSha256 = await ReusedProofs.Sha256Async(file, cancellationToken);
        }

        payment.CustomerReference = customerReference.Trim();
        payment.CustomerNotes = notes;
        var actor = StatusActor.Customer(payment.UserId);
        await ledger.MoveAsync(payment, PaymentStatus.AwaitingVerification, PaymentActions.CustomerSubmit, actor,
            new { payment.CustomerReference, Notes = notes, File = contentType, Size = file?.Length }, cancellationToken);
        var order = await orders.FindAsync(payment.OrderId, cancellationToken);
        PaymentEmails.Enqueue(outbox, PaymentEmails.ProofReceived, order!.CustomerEmail, payment.Id,
            new { payment.PaymentReference, order.OrderNumber, payment.AmountCents });
        events.Record(new ServerEvent("payment.proof_uploaded")
        {
            UserId = payment.UserId,
            OrderId = payment.OrderId,
            PaymentId = payment.Id,
            Properties = new { HasFile = file is not null, ContentType = contentType },
        }.WithRequest(RequestContext.From(httpContext)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var method = await db.Set<PaymentMethod>().AsNoTracking().SingleAsync(m => m.Id == payment.PaymentMethodId, cancellationToken);
        return TypedResults.Ok(PaymentDetailResponse.From(payment, method));
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found.");
}
