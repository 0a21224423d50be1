import datetime

import factory
from django.contrib.auth.models import Group

from lms.models import LearnerProfile, ResidentialGroup, TargetGroup, User, Ward
from lms.roles import Role

PASSWORD = "mật-khẩu-thử-2026"


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ward
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{n:05d}")
    name = factory.Sequence(lambda n: f"Phường Thử {n}")
    province = "Thành phố Hà Nội"


class ResidentialGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResidentialGroup

    ward = factory.SubFactory(WardFactory)
    name = factory.Sequence(lambda n: f"Tổ dân phố số {n + 1}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"nguoi{n}@example.vn")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=[Role(role) for role in extracted]))
        if create:
            self.save()


class LearnerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearnerProfile

    user = factory.SubFactory(UserFactory, roles=[Role.LEARNER])
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {chr(65 + n % 26)}")
    date_of_birth = datetime.date(1970, 5, 17)
    target_group = TargetGroup.CITIZEN
    residential_group = factory.SubFactory(ResidentialGroupFactory)
    ward = factory.SelfAttribute("residential_group.ward")


def learner(**kwargs) -> User:
    return LearnerProfileFactory(**kwargs).user


def staff(role: Role, **kwargs) -> User:
    return UserFactory(roles=[role], **kwargs)
