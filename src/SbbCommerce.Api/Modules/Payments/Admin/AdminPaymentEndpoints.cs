using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Common.Json;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Proofs;
using SbbCommerce.Api.Modules.Payments.Verification;

namespace SbbCommerce.Api.Modules.Payments.Admin;

/// <summary>The admin's daily work: the verification queue, proofs, verify and reject, overpaid orders.</summary>
internal static class AdminPaymentEndpoints
{
    public static RouteGroupBuilder MapAdminPayments(this RouteGroupBuilder admin)
    {
        admin.MapGet("/payments", ListAsync).WithName("AdminListPayments")
            .WithSummary("Payments by status (default awaiting_verification: the verification queue), oldest first, with order summary, " +
                "amount due and proof link; keyset pages.")
            .ProducesValidationProblem();
        admin.MapGet("/payments/overpaid-orders", OverpaidAsync).WithName("AdminOverpaidOrders")
            .WithSummary("Orders paid beyond their total, awaiting a refund.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapGet("/payments/{id:guid}", GetAsync).WithName("AdminGetPayment").WithSummary("One payment with its order summary.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/payments/{id:guid}/proof", ProofAsync).WithName("AdminGetPaymentProof")
            .WithSummary("The proof file the customer uploaded (admins only).")
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg", "image/webp", "application/pdf")
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.ProofNotFound);
        admin.MapPost("/payments/{id:guid}/verify", VerifyAsync).WithName("AdminVerifyPayment")
            .WithSummary("The money arrived: completes the payment, raises the order's paid amount, and moves the order to " +
                "payment_received when fully paid (less leaves the rest due; more is recorded as an overpayment). Two admins at once: " +
                "one wins, the other gets 409. 422 invalid_payment_state when nothing was submitted.")
            .WithValidation<VerifyPaymentRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.PaymentNotFound)
            .ProducesErrors(StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState);
        admin.MapPost("/payments/{id:guid}/reject", RejectAsync).WithName("AdminRejectPayment")
            .WithSummary("The money did not arrive: payment failed, the customer is told why and may pay again.")
            .WithValidation<RejectPaymentRequest>()
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.PaymentNotFound)
            .ProducesErrors(StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState);
        return admin;
    }

    private static async Task<Results<Ok<PagedResponse<AdminPaymentResponse>>, ValidationProblem>> ListAsync(
        SbbDbContext db, AdminPaymentQueries queries, [SchemaValues(typeof(PaymentStatus))] string? status, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var wanted = PaymentStatus.AwaitingVerification;
        if (status is not null && !SnakeCaseEnum.TryParse(status, out wanted))
        {
            errors["status"] = ["Unknown status."];
        }

        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        // Oldest first: the customer who has waited longest is verified first. updated_at is when it entered the state.
        var query = db.Set<Payment>().AsNoTracking().Where(p => p.Status == wanted);
        if (after is not null)
        {
            query = query.Where(p => p.UpdatedAt > after.CreatedAt || (p.UpdatedAt == after.CreatedAt && p.Id.CompareTo(after.Id) > 0));
        }

        var rows = await queries.ResponsesAsync(query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id).Take(page.Limit + 1), cancellationToken);
        rows = rows.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).ToList();
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, row => row, row => new CreatedIdCursor(row.UpdatedAt, row.Id)));
    }

    private static async Task<Ok<List<AdminOrderSummary>>> OverpaidAsync(IOrderPayments orders, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok((await orders.OverpaidAsync(PageRequest.From(limit, null).Limit, cancellationToken)).Select(AdminPaymentQueries.Summary).ToList());

    private static async Task<Results<Ok<AdminPaymentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, AdminPaymentQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken) is { } payment ? TypedResults.Ok(payment) : NotFound();

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> ProofAsync(
        Guid id, SbbDbContext db, ProofFiles proofs, CancellationToken cancellationToken)
    {
        var proof = await db.Set<Payment>().AsNoTracking().Where(p => p.Id == id && p.ProofFileUrl != null)
            .Select(p => new { p.ProofFileUrl, p.ProofContentType, p.PaymentReference }).SingleOrDefaultAsync(cancellationToken);
        if (proof is null || !File.Exists(proofs.PathOf(proof.ProofFileUrl!)))
        {
            return ApiProblems.NotFound(PaymentsErrors.ProofNotFound, "This payment has no proof file.");
        }

        return TypedResults.PhysicalFile(proofs.PathOf(proof.ProofFileUrl!), proof.ProofContentType ?? "application/octet-stream",
            $"{proof.PaymentReference}{Extension(proof.ProofContentType)}");
    }

    private static async Task<Results<Ok<AdminPaymentResponse>, ProblemHttpResult>> VerifyAsync(
        Guid id, VerifyPaymentRequest request, ICurrentUser currentUser, PaymentVerifier verifier, AdminPaymentQueries queries,
        CancellationToken cancellationToken)
    {
        var problem = await verifier.VerifyAsync(id, request, currentUser.UserId!.Value, cancellationToken);
        return problem ?? (Results<Ok<AdminPaymentResponse>, ProblemHttpResult>)TypedResults.Ok((await queries.FindAsync(id, cancellationToken))!);
    }

    private static async Task<Results<Ok<AdminPaymentResponse>, ProblemHttpResult>> RejectAsync(
        Guid id, RejectPaymentRequest request, ICurrentUser currentUser, PaymentVerifier verifier, AdminPaymentQueries queries,
        CancellationToken cancellationToken)
    {
        var problem = await verifier.RejectAsync(id, request.Reason, currentUser.UserId!.Value, cancellationToken);
        return problem ?? (Results<Ok<AdminPaymentResponse>, ProblemHttpResult>)TypedResults.Ok((await queries.FindAsync(id, cancellationToken))!);
    }

    private static string Extension(string? contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        "application/pdf" => ".pdf",
        _ => string.Empty,
    };

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found.");
}
