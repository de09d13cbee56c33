using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Admin.ListPayments;

/// <summary>The admin's daily work starts here: the verification queue (payments by status, oldest first).</summary>
internal static class ListPaymentsEndpoint
{
    public static RouteHandlerBuilder MapListPayments(this RouteGroupBuilder admin) =>
        admin.MapGet("/payments", HandleAsync).WithName("AdminListPayments")
            .WithSummary("Payments by status (default awaiting_verification: the verification queue), oldest first, with order summary, " +
                "amount due and proof link; keyset pages.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<AdminPaymentResponse>>, ValidationProblem>> HandleAsync(
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
}
