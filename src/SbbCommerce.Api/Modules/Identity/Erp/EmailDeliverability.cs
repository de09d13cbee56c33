using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Erp;

/// <summary>
/// Whether the ERP marked an address undeliverable. Asked by the email sender for every message, several at once from
/// one drain loop (<c>Email:Parallelism</c>), so it reads through the data source (a connection per call) rather than
/// a scoped DbContext, which allows one operation at a time.
/// </summary>
internal sealed class EmailDeliverability(NpgsqlDataSource dataSource) : IEmailDeliverability
{
    public async Task<string?> UndeliverableReasonAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var command = dataSource.CreateCommand("""
            SELECT coalesce(email_undeliverable_reason, 'undeliverable') FROM users
             WHERE email = @email AND email_undeliverable_at IS NOT NULL
             LIMIT 1
            """);
        command.Parameters.AddWithValue("email", email.Trim().ToLowerInvariant());
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }
}
