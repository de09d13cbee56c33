using SbbCommerce.Api.Modules.Integration.ErpResync;

namespace SbbCommerce.UnitTests.Integration.ErpResync;

public sealed class ErpResyncRequestValidatorTests
{
    private readonly ErpResyncRequestValidator _validator = new();

    [Fact]
    public void Given_a_type_and_an_id_When_validating_Then_it_passes()
    {
        _validator.TestValidate(new ErpResyncRequest("order", Guid.NewGuid())).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_entity_type_When_validating_Then_the_type_is_refused()
    {
        _validator.TestValidate(new ErpResyncRequest("", Guid.NewGuid())).ShouldHaveValidationErrorFor(r => r.EntityType);
    }

    [Fact]
    public void Given_an_entity_type_longer_than_50_When_validating_Then_the_type_is_refused()
    {
        _validator.TestValidate(new ErpResyncRequest(new string('t', 51), Guid.NewGuid())).ShouldHaveValidationErrorFor(r => r.EntityType);
    }

    [Fact]
    public void Given_an_empty_id_When_validating_Then_the_id_is_refused()
    {
        _validator.TestValidate(new ErpResyncRequest("order", Guid.Empty)).ShouldHaveValidationErrorFor(r => r.EntityId);
    }
}
