"""Register.describer says what Register.describe says, for many references at once."""

from pathlib import Path

from summit.model import Register
from summit.store import load_dataset


def test_the_describer_says_what_describe_says(data_dir: Path) -> None:
    dataset = load_dataset(data_dir)
    assert dataset.register is not None
    register: Register = dataset.register.record
    refs = ["nobody", *register.organisations, *register.delegate_index()]
    describe = register.describer()
    assert [describe(ref) for ref in refs] == [register.describe(ref) for ref in refs]


def test_a_delegate_id_in_two_organisations_is_the_first_one_s(data_dir: Path) -> None:
    register = load_dataset(data_dir).register
    assert register is not None
    first, second, *_ = register.record.organisations
    delegate_id, delegate = next(iter(register.record.organisations[first].delegates.items()))
    later = register.record.organisations[second]
    twice = register.record.with_organisation(
        second,
        later.model_copy(update={"delegates": {**later.delegates, delegate_id: delegate}}),
    )
    assert twice.describer()(delegate_id) == twice.describe(delegate_id)
