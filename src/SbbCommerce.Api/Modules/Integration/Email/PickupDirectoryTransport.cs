using MimeKit;

namespace SbbCommerce.Api.Modules.Integration.Email;

/// <summary>
/// Development without an SMTP server: each message becomes an <c>.eml</c> file in <c>Email:PickupDirectory</c>
/// (relative paths from the repository root), and its path is logged, so a newcomer can open the verification link.
/// </summary>
internal sealed partial class PickupDirectoryTransport(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<PickupDirectoryTransport> logger)
    : IMailTransport
{
    public bool IsConfigured => environment.IsDevelopment();

    public string Directory => RepositoryPaths.Resolve(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml");
        await message.WriteToAsync(path, cancellationToken);
        LogWritten(logger, message.Subject ?? string.Empty, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email \"{Subject}\" written to {Path} (no SMTP host configured)")]
    private static partial void LogWritten(ILogger logger, string subject, string path);
}
