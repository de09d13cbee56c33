using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Login;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.UnitTests.Identity.Login;

public sealed class SignInNoticeTests
{
    private readonly Recorder _recorder = new();

    [Fact]
    public async Task Given_a_successful_sign_in_When_published_Then_the_login_is_announced_and_the_answer_kept()
    {
        var userId = Guid.CreateVersion7();
        Results<Ok<TokenResponse>, ProblemHttpResult> signIn = TypedResults.Ok(Tokens(userId));

        var answer = await Publisher().PublishSignInAsync(signIn, "visitor-123", CancellationToken.None);

        Assert.Same(signIn, answer);
        Assert.Equal([new UserLoggedIn(userId, "visitor-123")], _recorder.Seen);
    }

    [Fact]
    public async Task Given_a_refused_sign_in_When_published_Then_nothing_is_announced()
    {
        Results<Ok<TokenResponse>, ProblemHttpResult> signIn = TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized);

        var answer = await Publisher().PublishSignInAsync(signIn, "visitor-123", CancellationToken.None);

        Assert.Same(signIn, answer);
        Assert.Empty(_recorder.Seen);
    }

    private NotificationPublisher Publisher() => new(
        new ServiceCollection().AddSingleton<INotificationHandler<UserLoggedIn>>(_recorder).BuildServiceProvider(),
        NullLogger<NotificationPublisher>.Instance);

    private static TokenResponse Tokens(Guid userId) => new("access", 900, "refresh", "Bearer", new UserResponse(
        userId, "ada@example.com", true, null, UserRole.Customer, UserStatus.Active, false, null, "not_required", null, DateTimeOffset.UnixEpoch, null));

    private sealed class Recorder : INotificationHandler<UserLoggedIn>
    {
        public List<UserLoggedIn> Seen { get; } = [];

        public Task HandleAsync(UserLoggedIn notification, CancellationToken cancellationToken)
        {
            Seen.Add(notification);
            return Task.CompletedTask;
        }
    }
}
