using Microsoft.Net.Http.Headers;

namespace SbbCommerce.Api.Common.Auditing.Trail;

/// <summary>
/// The audit trail for operators ("who changed this price, and when"). Reading it is not audited; exporting it as
/// CSV is, since an export leaves the system with every actor's email and ip.
/// </summary>
internal static class AuditLogEndpoints
{
    public static IEndpointRouteBuilder MapAuditLogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Audit (admin)").RequireAuthorization(Policies.Admin);
        admin.MapGet("/audit-logs", ListAsync).WithName("AdminListAuditLogs")
            .WithSummary("Audit rows, newest first, filtered by resourceType, resourceId, userId, action and [from, to); keyset pages. "
                + "`Accept: text/csv` exports every matching row as CSV (the export is itself audited).")
            .Produces<PagedResponse<AuditLogResponse>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem();
        admin.MapGet("/audit-logs/{id:guid}", GetAsync).WithName("AdminGetAuditLog")
            .WithSummary("One audit row with its values before and after, actor, ip and request id.")
            .WithDescription("404 `audit_log_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<PagedResponse<AuditLogResponse>>, PushStreamHttpResult, ValidationProblem>> ListAsync(
        string? resourceType, Guid? resourceId, Guid? userId, string? action, DateTimeOffset? from, DateTimeOffset? to,
        int? limit, string? cursor, HttpRequest http, SbbDbContext db, IAuditWriter audit, CancellationToken cancellationToken)
    {
        var filter = new AuditLogFilter(Blank(resourceType), resourceId, userId, Blank(action), from, to);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        filter.Validate(errors);
        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = filter.Apply(db.Set<AuditLog>().AsNoTracking());
        if (WantsCsv(http))
        {
            // The export is recorded (and committed) before the first byte leaves.
            audit.Record("audit_logs.exported", "audit_log", null, null, filter);
            await db.SaveChangesAsync(cancellationToken);
            var rows = query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).AsAsyncEnumerable();
            return TypedResults.Stream(body => AuditLogCsv.WriteAsync(body, rows, cancellationToken), "text/csv; charset=utf-8",
                fileDownloadName: "audit-logs.csv");
        }

        if (after is not null)
        {
            query = query.Where(a => a.CreatedAt < after.CreatedAt || (a.CreatedAt == after.CreatedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var page1 = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(page1, page.Limit, AuditLogResponse.From, a => new CreatedIdCursor(a.CreatedAt, a.Id)));
    }

    private static async Task<Results<Ok<AuditLogResponse>, ProblemHttpResult>> GetAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken)
    {
        // The key is (id, created_at): by id alone PostgreSQL looks in every monthly partition, which an index per partition keeps cheap.
        var row = await db.Set<AuditLog>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null
            ? ApiProblems.NotFound(AuditErrors.AuditLogNotFound, "No such audit log entry.")
            : TypedResults.Ok(AuditLogResponse.From(row));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool WantsCsv(HttpRequest http) =>
        MediaTypeHeaderValue.TryParseList(http.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}
