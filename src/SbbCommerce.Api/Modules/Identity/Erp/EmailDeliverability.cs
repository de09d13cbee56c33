using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Erp;

internal sealed class EmailDeliverability(SbbDbContext db) : IEmailDeliverability
{
    public async Task<string?> UndeliverableReasonAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = email.Trim().ToLowerInvariant();
        return await db.Set<User>().AsNoTracking()
            .Where(u => u.Email == normalized && u.EmailUndeliverableAt != null)
            .Select(u => u.EmailUndeliverableReason ?? "undeliverable")
            .FirstOrDefaultAsync(cancellationToken);
    }
}
