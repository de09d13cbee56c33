using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Proofs;

namespace SbbCommerce.Api.Modules.Payments.Admin.GetProof;

internal static class GetProofEndpoint
{
    public static RouteHandlerBuilder MapGetProof(this RouteGroupBuilder admin) =>
        admin.MapGet("/payments/{id:guid}/proof", HandleAsync).WithName("AdminGetPaymentProof")
            .WithSummary("The proof file the customer uploaded (admins only).")
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg", "image/webp", "application/pdf")
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.ProofNotFound);

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> HandleAsync(
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

    private static string Extension(string? contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        "application/pdf" => ".pdf",
        _ => string.Empty,
    };
}
