using System.Security.Cryptography;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.ReusedProofs;

/// <summary>
/// A recycled screenshot, or a transfer confirmation already given for another payment, must never be verified by
/// accident: the verification queue names the other payments that used the same proof file (SHA-256) or the same
/// customer reference (compared trimmed and without case).
/// </summary>
internal sealed class ReusedProofs(SbbDbContext db)
{
    public static async Task<string> Sha256Async(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var content = file.OpenReadStream();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
    }

    /// <summary>For each payment that shares its proof with others, the references of those others (sorted).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> FindAsync(IReadOnlyCollection<Payment> payments,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var hashes = payments.Where(p => p.ProofSha256 is not null).Select(p => p.ProofSha256!).Distinct().ToList();
        var references = payments.Where(p => !string.IsNullOrWhiteSpace(p.CustomerReference)).Select(p => Key(p.CustomerReference!)).Distinct().ToList();
        if (hashes.Count == 0 && references.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<string>>();
        }

        var others = await db.Set<Payment>().AsNoTracking()
            .Where(p => (p.ProofSha256 != null && hashes.Contains(p.ProofSha256))
                || (p.CustomerReference != null && references.Contains(p.CustomerReference.ToLower())))
            .Select(p => new { p.Id, p.PaymentReference, p.ProofSha256, p.CustomerReference }).ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var payment in payments)
        {
            var reused = others.Where(o => o.Id != payment.Id
                    && ((payment.ProofSha256 is not null && o.ProofSha256 == payment.ProofSha256)
                        || (payment.CustomerReference is not null && o.CustomerReference is not null
                            && Key(o.CustomerReference) == Key(payment.CustomerReference))))
                .Select(o => o.PaymentReference).Distinct().Order(StringComparer.Ordinal).ToList();
            if (reused.Count > 0)
            {
                result[payment.Id] = reused;
            }
        }

        return result;
    }

    private static string Key(string customerReference) => customerReference.Trim().ToLowerInvariant();
}
