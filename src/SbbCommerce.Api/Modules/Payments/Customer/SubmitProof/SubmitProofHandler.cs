using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Proofs;
using SbbCommerce.Api.Modules.Payments.Reconciliation.ReusedProofs;

namespace SbbCommerce.Api.Modules.Payments.Customer.SubmitProof;

/// <summary>
/// pending -> awaiting_verification with the customer's reference and optional file, in one transaction with the
/// payment locked. The file is written inside that transaction (its key goes into the row) and deleted again when the
/// transaction does not commit, so a refused or failed submission leaves no file behind.
/// </summary>
internal sealed class SubmitProofHandler(
    SbbDbContext db,
    ProofFiles proofs,
    PaymentLedger ledger,
    IOutboxWriter outbox,
    IEventRecorder events,
    IOrderPayments orders,
    TimeProvider timeProvider,
    ILogger<SubmitProofHandler> logger)
{
    public async Task<Results<Ok<PaymentDetailResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string paymentReference, ProofSubmission submission, IFormFile? file, PaymentCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(caller);
        string? contentType = null;
        if (file is not null)
        {
            contentType = await SniffAsync(file, cancellationToken);
            if (contentType is null)
            {
                return ApiProblems.Unprocessable(PaymentsErrors.InvalidFile, "The proof must be a png, jpeg, webp or pdf file.");
            }
        }

        string? uncommittedFile = null;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var payment = await db.Locking<Payment>($"payment_reference = {paymentReference} AND user_id = {caller.Actor.UserId}")
                .SingleOrDefaultAsync(cancellationToken);
            if (payment is null)
            {
                return ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found.");
            }

            if (payment.Status != PaymentStatus.Pending)
            {
                return InvalidState(payment);
            }

            if (file is not null)
            {
                await using var content = file.OpenReadStream();
                uncommittedFile = await proofs.SaveAsync(content, timeProvider.GetDatabaseNow(), cancellationToken);
                payment.ProofFileUrl = uncommittedFile;
                payment.ProofContentType = contentType;
                payment.ProofSha256 = await ReusedProofs.Sha256Async(file, cancellationToken);
            }

            payment.CustomerReference = submission.CustomerReference!.Trim();
            payment.CustomerNotes = submission.Notes;
            if (!await ledger.MoveAsync(payment, PaymentStatus.AwaitingVerification, PaymentActions.CustomerSubmit, caller,
                    new { payment.CustomerReference, submission.Notes, File = contentType, Size = file?.Length }, cancellationToken))
            {
                return InvalidState(payment);
            }

            var order = await orders.FindAsync(payment.OrderId, cancellationToken);
            PaymentEmails.Enqueue(outbox, PaymentEmails.ProofReceived, order!.CustomerEmail, payment.Id,
                new { payment.PaymentReference, order.OrderNumber, payment.AmountCents });
            events.Record(new ServerEvent("payment.proof_uploaded")
            {
                UserId = payment.UserId,
                OrderId = payment.OrderId,
                PaymentId = payment.Id,
                Properties = new { HasFile = file is not null, ContentType = contentType },
            }.WithRequest(caller.Request));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            uncommittedFile = null; // the committed row owns the file now
            PaymentsLog.ProofSubmitted(logger, payment.Id, file is not null);
            var method = await db.Set<PaymentMethod>().AsNoTracking().SingleAsync(m => m.Id == payment.PaymentMethodId, cancellationToken);
            return TypedResults.Ok(PaymentDetailResponse.From(payment, method));
        }
        finally
        {
            if (uncommittedFile is not null)
            {
                proofs.Delete(uncommittedFile);
                PaymentsLog.ProofFileDiscarded(logger, uncommittedFile);
            }
        }
    }

    private static async Task<string?> SniffAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var head = new byte[16];
        await using var peek = file.OpenReadStream();
        var read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return ProofFiles.Sniff(head.AsSpan(0, read));
    }

    private static ProblemHttpResult InvalidState(Payment payment) =>
        ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "Proof can only be sent for a pending payment.",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["paymentStatus"] = payment.Status });
}
