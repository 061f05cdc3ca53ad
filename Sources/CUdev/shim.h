// libudev (package libudev-dev): device enumeration and the netlink monitor, for Sources/Udev.
#include <libudev.h>
