namespace SbbCommerce.Api.Modules.Identity.Login;

/// <summary>
/// 5 failed logins within 15 minutes lock the account for 15 minutes. The count moves in one UPDATE, so parallel
/// guesses cannot slip past the limit by reading the same count.
/// </summary>
internal sealed class LoginLockout(SbbDbContext db, TimeProvider timeProvider)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    public async Task RecordFailureAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE users SET
                failed_login_count = CASE WHEN failed_login_window_start IS NULL OR failed_login_window_start <= {now - Window}
                                          THEN 1 ELSE failed_login_count + 1 END,
                failed_login_window_start = CASE WHEN failed_login_window_start IS NULL OR failed_login_window_start <= {now - Window}
                                          THEN {now} ELSE failed_login_window_start END
             WHERE id = {userId};
            UPDATE users SET locked_until = {now + LockDuration}, failed_login_count = 0, failed_login_window_start = NULL
             WHERE id = {userId} AND failed_login_count >= {MaxFailures};
            """, cancellationToken);
    }

    public Task ResetAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE users SET failed_login_count = 0, failed_login_window_start = NULL, locked_until = NULL WHERE id = {userId} AND (failed_login_count > 0 OR locked_until IS NOT NULL)",
            cancellationToken);
}
