using Microsoft.AspNetCore.Mvc;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Layouts;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Import;

internal static class ImportStatementEndpoint
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static RouteHandlerBuilder MapImportStatement(this RouteGroupBuilder admin) =>
        admin.MapPost("/reconciliation/statements", ImportAsync).WithName("AdminImportStatement")
            .WithSummary("Upload a statement export (multipart: file, source = cashapp | venmo | zelle_bank | generic, layout?). 201 with counts; " +
                "lines already imported (same provider id, or the same line of an overlapping export) are skipped; new incoming lines are " +
                "matched at once. 422 statement_invalid with the failing line numbers: nothing is imported.")
            .DisableAntiforgery() // bearer tokens, no cookies: there is no cross-site form to forge
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + (64 * 1024)))
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<StatementImportResponse>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        [FromForm] string? source, [FromForm] string? layout, IFormFile? file, ICurrentUser currentUser, StatementImporter importer,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (source is null || !StatementSources.All.Contains(source, StringComparer.Ordinal))
        {
            errors["source"] = [$"source is one of {string.Join(", ", StatementSources.All)}."];
        }
        else if (source == StatementSources.Generic && string.IsNullOrWhiteSpace(layout))
        {
            errors["layout"] = ["A generic statement names its layout (Reconciliation:Layouts:<name>)."];
        }

        if (file is null || file.Length == 0)
        {
            errors["file"] = ["The statement file (CSV) is required."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (file!.Length > MaxBytes)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The statement file is larger than 10 MB.");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        var result = await importer.ImportAsync(buffer.ToArray(), Path.GetFileName(file.FileName), source!,
            string.IsNullOrWhiteSpace(layout) ? null : layout.Trim(), currentUser.UserId, cancellationToken);
        return result.Result switch
        {
            Created<StatementImportResponse> created => created,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unexpected import result."),
        };
    }
}
