"""Records travel through pickle in the record cache: they must come back whole.

`Record` pickles as a tuple rather than pydantic's dict (a 100,000-delegate register
unpickles in about half the time); which fields the file set decides what a save
writes, so that too must survive.
"""

import pickle
from pathlib import Path

from summit.model import Register, Summit
from summit.store import load_dataset


def test_a_pickled_register_and_summit_are_equal_and_write_the_same_data(data_dir: Path) -> None:
    dataset = load_dataset(data_dir)
    assert dataset.register is not None
    records = [dataset.register.record, *(doc.record for doc in dataset.summits.values())]
    for record in records:
        again = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(again) is type(record)
        assert again == record
        assert again.to_data() == record.to_data()
        assert again.model_fields_set == record.model_fields_set


def test_fields_left_out_stay_left_out_after_pickling() -> None:
    register = Register.model_validate(
        {
            "organisations": {
                "iwf": {
                    "name": "Internet Watch Foundation",
                    "sector": "charity",
                    "delegates": {
                        "iwf-ceo": {
                            "name": "Susie Hargreaves",
                            "job_title": "Chief Executive",
                            "email": "ceo@iwf.org.uk",
                        }
                    },
                }
            }
        }
    )
    again = pickle.loads(pickle.dumps(register))
    delegate = again.organisations["iwf"].delegates["iwf-ceo"]
    assert delegate.model_fields_set == {"name", "job_title", "email"}
    assert "phone" not in again.to_data()["organisations"]["iwf"]["delegates"]["iwf-ceo"]
    # An assignment after unpickling is still validated (validate_assignment).
    delegate.name = "Someone Else"
    assert again.organisations["iwf"].delegates["iwf-ceo"].name == "Someone Else"


def test_a_summit_round_trips_with_its_agenda(data_dir: Path) -> None:
    summit = next(iter(load_dataset(data_dir).summits.values())).record
    again: Summit = pickle.loads(pickle.dumps(summit))
    assert [item.title for item in again.agenda] == [item.title for item in summit.agenda]
    assert again.model_copy(deep=True) == summit
