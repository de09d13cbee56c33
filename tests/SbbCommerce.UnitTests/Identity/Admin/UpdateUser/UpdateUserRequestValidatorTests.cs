using SbbCommerce.Api.Modules.Identity.Admin.UpdateUser;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.UnitTests.Identity.Admin.UpdateUser;

public sealed class UpdateUserRequestValidatorTests
{
    private readonly UpdateUserRequestValidator _validator = new();

    [Fact]
    public void Given_a_suspension_with_a_reason_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new UpdateUserRequest(UserStatus.Suspended, null, "chargebacks")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_neither_status_nor_role_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new UpdateUserRequest(null, null, "nothing")).ShouldHaveValidationErrorFor(r => r);
    }

    [Fact]
    public void Given_the_deleted_status_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new UpdateUserRequest(UserStatus.Deleted, null, null)).ShouldHaveValidationErrorFor(r => r.Status);
    }

    [Fact]
    public void Given_a_reason_over_500_characters_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new UpdateUserRequest(null, UserRole.Admin, new string('r', 501))).ShouldHaveValidationErrorFor(r => r.Reason);
    }
}
